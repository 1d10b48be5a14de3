/**
 * The engine pipeline:
 *   text → buildModel() → each enabled rule's check (a throwing rule reports one internal error; the others
 *   still run) → severities from the effective config → suppressions → unused-suppression → sorted problems.
 */
import type { Severity } from '../../../shared/src/ruleTypes';
import { buildModel } from '../analysis/buildModel';
import type { DockerfileModel } from '../analysis/model';
import type { Suppression } from '../analysis/suppressions';
import { resolveConfig, type ConfigLayers, type EffectiveConfig } from './config';
import { formatMessage, type AnyRule, type ReportSpec } from './defineRule';
import type { FileFacts } from './fileFacts';
import { compareProblems, type Fix, type Problem } from './problem';
import { suppressionMatches } from './suppressionMatch';
import { allRules } from '../rules';

export interface LintOptions {
  readonly uri?: string;
  readonly version?: number;
  /** The rule set; the full registry by default (tests pass a single rule). */
  readonly rules?: readonly AnyRule[];
  /** Effective config, or the layers to resolve it from. */
  readonly config?: EffectiveConfig | ConfigLayers;
  readonly files?: FileFacts;
  /** Extra build targets (config `targets`). */
  readonly targets?: readonly string[];
  /** When false, ignore comments are not honoured (CLI `--no-ignore-comments`). */
  readonly honourSuppressions?: boolean;
}

export interface LintResult {
  readonly model: DockerfileModel;
  readonly problems: readonly Problem[];
}

/** Hook a rule may export to see which suppressions were used (only `unused-suppression` needs it). */
export interface SuppressionUsage {
  readonly used: ReadonlySet<Suppression>;
  readonly config: EffectiveConfig;
  readonly rules: ReadonlyMap<string, AnyRule>;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const model = buildModel(text, { uri: options.uri, version: options.version, targets: options.targets });
  return { model, problems: lintModel(model, options) };
}

export function lintModel(model: DockerfileModel, options: LintOptions = {}): Problem[] {
  const steps = lintSteps(model, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `lintModel` one rule at a time: pauses after each rule, so the language server can hand the event loop to
 * other messages during a long lint and stop linting a version that a newer change has made stale.
 */
export function* lintSteps(model: DockerfileModel, options: LintOptions = {}): Generator<void, Problem[], void> {
  const rules = options.rules ?? allRules;
  const config = isEffective(options.config) ? options.config : resolveConfig(rules, options.config ?? {});
  const files = options.files ?? {};
  const raw: Problem[] = [];
  const afterHooks: AnyRule[] = [];
  for (const rule of rules) {
    const effective = config.get(rule.id);
    if (!effective || effective.severity === 'off') continue;
    if (rule.phase === 'afterSuppression') {
      afterHooks.push(rule);
      continue;
    }
    runRule(rule, model, effective.options, files, effective.severity as Severity, effective.explicit, raw);
    yield;
  }

  const byId = new Map(rules.map((r) => [r.id, r]));
  const honour = options.honourSuppressions !== false;
  const used = new Set<Suppression>();
  const kept = honour ? raw.filter((p) => !isSuppressed(p, model, byId, used)) : raw;

  for (const rule of afterHooks) {
    const effective = config.get(rule.id)!;
    const usage: SuppressionUsage = { used, config, rules: byId };
    runRule(rule, model, effective.options, files, effective.severity as Severity, effective.explicit, kept, usage);
  }
  return kept.sort(compareProblems);
}

function isEffective(c: LintOptions['config']): c is EffectiveConfig {
  return c instanceof Map;
}

function runRule(
  rule: AnyRule, model: DockerfileModel, options: unknown, files: FileFacts, severity: Severity, explicit: boolean, out: Problem[],
  suppressionUsage?: SuppressionUsage,
): void {
  const reported: Problem[] = [];
  const ctx = {
    model,
    options,
    files,
    suppressionUsage,
    report(spec: ReportSpec<string>) {
      reported.push(toProblem(rule, spec, explicit ? severity : spec.severity ?? severity));
    },
  };
  try {
    rule.check(ctx);
    out.push(...reported);
  } catch (e) {
    // One internal error per rule per run; the other rules' problems are unaffected.
    const detail = e instanceof Error ? e.message : String(e);
    out.push({
      ruleId: rule.id,
      severity: 'error',
      messageId: 'internal-error',
      message: `Internal error in rule '${rule.id}': ${detail} (the other rules still ran; please report this)`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      related: [],
      tags: [],
      fixes: [],
    });
  }
}

function toProblem(rule: AnyRule, spec: ReportSpec<string>, severity: Severity): Problem {
  const template = rule.meta.messages[spec.messageId];
  if (template === undefined) throw new Error(`unknown messageId '${spec.messageId}'`);
  const fixes: Fix[] = (spec.fixes ?? []).map((f) => {
    if (rule.meta.fix === 'none' || (rule.meta.fix === 'safe' && f.safety === 'unsafe')) {
      throw new Error(`a ${f.safety} fix exceeds meta.fix '${rule.meta.fix}'`);
    }
    const title = formatMessage(rule.meta.messages[f.messageId] ?? f.messageId, f.data);
    return {
      title: f.safety === 'unsafe' ? `${title} (unsafe)` : title,
      safety: f.safety,
      edits: f.edits,
      ...(f.createFiles ? { createFiles: f.createFiles } : {}),
    };
  });
  return {
    ruleId: rule.id,
    severity,
    messageId: spec.messageId,
    message: formatMessage(template, spec.data),
    range: spec.range,
    related: spec.related ?? [],
    tags: spec.tags ?? [],
    fixes,
  };
}

function isSuppressed(problem: Problem, model: DockerfileModel, rules: ReadonlyMap<string, AnyRule>, used: Set<Suppression>): boolean {
  const line = problem.range.start.line;
  const rule = rules.get(problem.ruleId);
  let hit = false;
  for (const s of model.suppressions.all) {
    if (line < s.coversFrom || line > s.coversTo) continue;
    if (!suppressionMatches(s, problem.ruleId, rule)) continue;
    used.add(s);
    hit = true;
  }
  return hit;
}
