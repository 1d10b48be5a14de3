/**
 * Problem → LSP Diagnostic. Each diagnostic carries its rule id, the document version it was computed for and
 * its fixes in `data`, so code actions need no server-side fix cache: when the version still matches, the
 * fixes in `data` are exact; when it does not, code actions recompute from the current model.
 */
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import { docsUrl } from '../../../shared/src/docsUrl';
import type { Severity } from '../../../shared/src/ruleTypes';
import type { Fix, Problem, ProblemTag } from '../engine/problem';

const DIAGNOSTIC_SOURCE = 'stagelint';

export interface DiagnosticData {
  readonly ruleId: string;
  /** Document version the problem (and its fix edits) was computed for. */
  readonly version: number;
  readonly fixes: readonly Fix[];
}

/** What the client can show; unsupported fields are left out. */
export interface DiagnosticSupport {
  readonly relatedInformation: boolean;
  /** Tags the client understands; undefined = send all. */
  readonly tags?: readonly DiagnosticTag[];
  readonly codeDescription: boolean;
}

const FULL_DIAGNOSTIC_SUPPORT: DiagnosticSupport = { relatedInformation: true, codeDescription: true };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG: Record<ProblemTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

function toDiagnostic(problem: Problem, uri: string, version: number, support: DiagnosticSupport = FULL_DIAGNOSTIC_SUPPORT): Diagnostic {
  const data: DiagnosticData = { ruleId: problem.ruleId, version, fixes: problem.fixes };
  const diagnostic: Diagnostic = {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.ruleId,
    message: problem.message,
    data,
  };
  if (support.codeDescription) diagnostic.codeDescription = { href: docsUrl(problem.ruleId) };
  const tags = problem.tags.map((t) => TAG[t]).filter((t) => !support.tags || support.tags.includes(t));
  if (tags.length > 0) diagnostic.tags = tags;
  if (support.relatedInformation && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: r.message }),
    );
  }
  return diagnostic;
}

export function toDiagnostics(problems: readonly Problem[], uri: string, version: number, support?: DiagnosticSupport): Diagnostic[] {
  return problems.map((p) => toDiagnostic(p, uri, version, support));
}

/** Our `data` of a diagnostic the client sent back, validated (clients may drop or mangle it). */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const ruleId = typeof data?.ruleId === 'string' ? data.ruleId : typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!ruleId) return undefined;
  const version = typeof data?.version === 'number' ? data.version : -1;
  const fixes = Array.isArray(data?.fixes) ? data.fixes.filter(isFix) : [];
  return { ruleId, version, fixes };
}

function isFix(value: unknown): value is Fix {
  const f = value as Partial<Fix> | null;
  return !!f && typeof f.title === 'string' && (f.safety === 'safe' || f.safety === 'unsafe') && Array.isArray(f.edits);
}
