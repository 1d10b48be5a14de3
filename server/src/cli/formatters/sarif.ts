/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).
 * - `tool.driver.rules` describes every registered rule from its metadata, so `ruleIndex` is stable.
 * - Locations are 1-based with real columns (UTF-16 code units, the SARIF default), end column exclusive.
 * - Artifact URIs are relative to the working folder with `uriBaseId: "%SRCROOT%"` (files outside it get an
 *   absolute file URI); no absolute base is written, so the output is the same on every machine.
 * - Safe fixes become `fixes[]` (unsafe ones are left out: viewers may apply fixes without asking).
 * The few SARIF types used are declared here rather than adding @types/sarif for them.
 */
import { pathToFileURL } from 'node:url';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { REPOSITORY_URL, docsUrl } from '../../../../shared/src/docsUrl';
import type { Severity } from '../../../../shared/src/ruleTypes';
import type { AnyRule } from '../../engine/defineRule';
import type { Problem } from '../../engine/problem';
import { relativeToCwd } from '../files';
import type { FileReport, ReportContext } from '../report';
import { span } from './positions';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface ArtifactLocation { readonly uri: string; readonly uriBaseId?: string }
interface Region { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number }
interface PhysicalLocation { readonly artifactLocation: ArtifactLocation; readonly region: Region }

export function formatSarif(ctx: ReportContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const results = ctx.reports.flatMap((report) => {
    const artifact = artifactLocation(report, ctx.cwd);
    return report.problems.map((p) => result(p, artifact, ruleIndex.get(p.ruleId)));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'stagelint', version: ctx.version, semanticVersion: ctx.version, informationUri: REPOSITORY_URL, rules: ctx.rules.map(ruleDescriptor) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function ruleDescriptor(rule: AnyRule): Record<string, unknown> {
  const { docs } = rule.meta;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: docs.summary },
    fullDescription: { text: docs.rationale },
    help: { text: docs.rationale, markdown: `${docs.rationale}\n\n[Documentation](${docsUrl(rule.id)})` },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { tags: [rule.meta.category] },
  };
}

function artifactLocation(report: FileReport, cwd: string): ArtifactLocation {
  if (!report.absolutePath) return { uri: encodeURI(report.file) };
  const rel = relativeToCwd(report.absolutePath, cwd);
  if (rel === undefined) return { uri: pathToFileURL(report.absolutePath).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Range): Region {
  const s = span(range);
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

function result(p: Problem, artifact: ArtifactLocation, index: number | undefined): Record<string, unknown> {
  const location = (range: Range): PhysicalLocation => ({ artifactLocation: artifact, region: region(range) });
  const safeFixes = p.fixes.filter((f) => f.safety === 'safe' && f.edits.length > 0);
  return {
    ruleId: p.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [{ physicalLocation: location(p.range) }],
    ...(p.related.length > 0
      ? { relatedLocations: p.related.map((r, i) => ({ id: i + 1, physicalLocation: location(r.range), message: { text: r.message } })) }
      : {}),
    ...(safeFixes.length > 0
      ? {
          fixes: safeFixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [{ artifactLocation: artifact, replacements: f.edits.map(replacement) }],
          })),
        }
      : {}),
  };
}

function replacement(edit: TextEdit): Record<string, unknown> {
  return { deletedRegion: region(edit.range), insertedContent: { text: edit.newText } };
}
