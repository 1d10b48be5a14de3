/**
 * The invariants every input must keep, whatever it is: linting with every rule throws nothing and no rule
 * crashes (no `internal-error` problem); every problem, related location and fix edit lies inside the document;
 * every offered fix (safe and unsafe) applies cleanly — its edits do not overlap — and the fixed text builds a
 * model without an exception and has no new `dockerfile-syntax` error: more syntax problems than before, one of
 * them with a message the original did not have. (A fix may turn the problem it fixes into another one —
 * renaming `--mount=typo=x` to `type=x` exposes the invalid `x` — or repeat a problem the text already had,
 * but it must not break what parsed.) At most MAX_FIXES fixes of distinct rules are applied per input, so one
 * input with hundreds of fixes does not dominate a run. For one input in four, its next version (one keystroke-like
 * edit) lints the same whether its model is built from this one's, as the language server does, or from scratch.
 * For one in four others, fixing the whole file as `--fix` does (and for one in four more, `--fix --unsafe-fixes`)
 * throws nothing, settles before the pass limit (fixes that undo each other never do) and adds no syntax error.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { resolveConfig } from '../../server/src/engine/config';
import type { FileFacts } from '../../server/src/engine/fileFacts';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { applyFixes } from '../../server/src/engine/applyFixes';
import { lint, lintModel } from '../../server/src/engine/lint';
import type { Problem } from '../../server/src/engine/problem';
import { allRules } from '../../server/src/rules';

const ALL_RULES = resolveConfig(allRules, { file: { extends: 'all' } });
const SYNTAX_ONLY = allRules.filter((r) => r.id === 'dockerfile-syntax');
const SYNTAX_CONFIG = resolveConfig(SYNTAX_ONLY, { file: { extends: 'all' } });
const MAX_FIXES = 4;

/** Facts that let the rules about the build context (.dockerignore, files beside the Dockerfile) run too. */
export const FILE_FACTS: FileFacts = {
  dockerignore: { path: '.dockerignore', content: 'node_modules\n*.log\n!keep.log\n.git\n' },
  contextFiles: ['package.json', 'package-lock.json', 'requirements.txt', 'go.mod', 'go.sum', 'src', '.dockerignore', 'Dockerfile'],
};

export interface Failure {
  readonly kind: 'exception' | 'internal-error' | 'range' | 'fix-overlap' | 'fix-exception' | 'fix-syntax' | 'fix-all' | 'incremental';
  readonly detail: string;
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
}

/** Length of each line without its line break (LSP positions count UTF-16 code units, as JS strings do). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export function rangeProblem(range: Range, lines: readonly number[]): string | undefined {
  const { start, end } = range;
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${name} ${JSON.stringify(p)} is not a position`;
    if (p.line >= lines.length) return `${name} line ${p.line} is past the last line (${lines.length - 1})`;
    if (p.character > lines[p.line]!) return `${name} ${p.line}:${p.character} is past the end of its line (${lines[p.line]} characters)`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${start.line}:${start.character} is after end ${end.line}:${end.character}`;
  return undefined;
}

/** The `dockerfile-syntax` messages of `text` (positions left out: a fix moves the lines after it). */
function syntaxMessages(text: string): string[] {
  return lint(text, { rules: SYNTAX_ONLY, config: SYNTAX_CONFIG, files: FILE_FACTS }).problems.map((p) => `${p.messageId}: ${p.message}`);
}

/**
 * The messages that make `after` a new syntax error: more problems, and one with a message `before` lacks. Messages
 * are compared regardless of case: they quote words as written, and a casing fix (`Run` to `RUN`) rewrites those.
 */
export function newSyntaxErrors(before: readonly string[], after: readonly string[]): string[] {
  if (after.length <= before.length) return [];
  const known = new Set(before.map((m) => m.toLowerCase()));
  return [...new Set(after.filter((m) => !known.has(m.toLowerCase())))];
}

/** Up to MAX_FIXES fixes, each from a different rule (the first offered for it). */
function fixesToApply(problems: readonly Problem[]): { problem: Problem; fix: Problem['fixes'][number] }[] {
  const chosen: { problem: Problem; fix: Problem['fixes'][number] }[] = [];
  const rules = new Set<string>();
  for (const problem of problems) {
    for (const fix of problem.fixes) {
      const key = `${problem.ruleId}/${fix.safety}`;
      if (rules.has(key) || chosen.length >= MAX_FIXES) continue;
      rules.add(key);
      chosen.push({ problem, fix });
    }
  }
  return chosen;
}

export function overlapping(doc: TextDocument, edits: readonly TextEdit[]): boolean {
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) return true;
  return false;
}

function checkFixes(text: string, problems: readonly Problem[], lines: readonly number[], failures: Failure[]): void {
  const doc = TextDocument.create('file:///fuzz/Dockerfile', 'dockerfile', 0, text);
  // Every edit of every fix must lie inside the document, even of fixes not applied below.
  for (const problem of problems) {
    for (const fix of problem.fixes) {
      const bad = fix.edits.map((e) => rangeProblem(e.range, lines)).find((m) => m !== undefined);
      if (bad) failures.push({ kind: 'range', detail: `${problem.ruleId} fix '${fix.title}': edit ${bad}` });
    }
  }
  if (failures.some((f) => f.kind === 'range')) return;
  let before: string[] | undefined;
  for (const { problem, fix } of fixesToApply(problems)) {
    const where = `${problem.ruleId} fix '${fix.title}'`;
    if (fix.edits.length === 0) continue;
    if (overlapping(doc, fix.edits)) {
      failures.push({ kind: 'fix-overlap', detail: `${where}: edits overlap: ${JSON.stringify(fix.edits)}` });
      continue;
    }
    let after: string[];
    try {
      after = syntaxMessages(TextDocument.applyEdits(doc, [...fix.edits]));
    } catch (e) {
      failures.push({ kind: 'fix-exception', detail: `${where}: ${describe(e)}` });
      continue;
    }
    before ??= syntaxMessages(text);
    const added = newSyntaxErrors(before, after);
    if (added.length) failures.push({ kind: 'fix-syntax', detail: `${where}: the fixed text has new dockerfile-syntax problems: ${added.join(' | ')}` });
  }
}

/** One keystroke-like edit of `text`, chosen by its length: what the editor's next version of it could be. */
function nextVersion(text: string): string {
  const at = (text.length * 7919) % (text.length + 1);
  const edits = ['a', '\n', '', ' \\\n', '#', '"', '\r\n'];
  const insert = edits[text.length % edits.length]!;
  return text.slice(0, at) + insert + text.slice(insert === '' ? at + 1 : at);
}

const LINT_OPTIONS = { uri: 'file:///fuzz/Dockerfile', config: ALL_RULES, files: FILE_FACTS };

/**
 * For one input in four: the model of its next version built from its own model (as the language server builds it,
 * reusing unchanged instructions) must lint to exactly what a model built from scratch lints to.
 */
function checkIncremental(text: string, model: DockerfileModel, failures: Failure[]): void {
  if (text.length % 4 !== 0) return;
  const next = nextVersion(text);
  try {
    const incremental = JSON.stringify(lintModel(buildModel(next, { uri: LINT_OPTIONS.uri, previous: model }), LINT_OPTIONS));
    const fresh = JSON.stringify(lint(next, LINT_OPTIONS).problems);
    if (incremental !== fresh) failures.push({ kind: 'incremental', detail: `the next version ${JSON.stringify(next)} lints differently when built from this one's model` });
  } catch (e) {
    failures.push({ kind: 'exception', detail: `next version: ${describe(e)}` });
  }
}

/**
 * `added` less what one fix alone already turns a problem into (renaming `--mount` option `typo=x` to `type=x`
 * exposes the invalid type `x`): the single-fix check accepts that, and together with a fix that repeats a known
 * problem (a COPY duplicated with its flags) the count grows, which alone is no new error.
 */
function withoutSingleFixOutcomes(text: string, problems: readonly Problem[], added: readonly string[], unsafe: boolean): string[] {
  if (added.length === 0) return [];
  const doc = TextDocument.create('file:///fuzz/Dockerfile', 'dockerfile', 0, text);
  const outcomes = new Set<string>();
  for (const problem of problems) {
    const fix = problem.fixes.find((f) => f.safety === 'safe' || unsafe);
    if (!fix || fix.edits.length === 0 || overlapping(doc, fix.edits)) continue;
    for (const m of syntaxMessages(TextDocument.applyEdits(doc, [...fix.edits]))) outcomes.add(m.toLowerCase());
  }
  return added.filter((m) => !outcomes.has(m.toLowerCase()));
}

/** For one input in four: `--fix` (or, for another one in four, `--fix --unsafe-fixes`) on the whole file. */
function checkFixAll(text: string, problems: readonly Problem[], failures: Failure[]): void {
  const unsafe = text.length % 4 === 3;
  if (text.length % 4 !== 1 && !unsafe) return;
  const mode = unsafe ? '--fix --unsafe-fixes' : '--fix';
  try {
    const result = applyFixes(text, { ...LINT_OPTIONS, unsafe });
    if (result.fixed === 0) return;
    const settled = applyFixes(result.output, { ...LINT_OPTIONS, unsafe, maxPasses: 1 });
    if (settled.fixed > 0) failures.push({ kind: 'fix-all', detail: `${mode} still had fixes to apply after ${result.passes} passes: ${JSON.stringify(result.output)}` });
    const added = withoutSingleFixOutcomes(text, problems, newSyntaxErrors(syntaxMessages(text), syntaxMessages(result.output)), unsafe);
    if (added.length) failures.push({ kind: 'fix-all', detail: `${mode} added dockerfile-syntax problems: ${added.join(' | ')}` });
  } catch (e) {
    failures.push({ kind: 'fix-all', detail: `${mode}: ${describe(e)}` });
  }
}

/** Every invariant broken by `text` (empty when it passes). */
export function checkInput(text: string): Failure[] {
  let problems: readonly Problem[];
  let model: DockerfileModel;
  try {
    ({ problems, model } = lint(text, LINT_OPTIONS));
  } catch (e) {
    return [{ kind: 'exception', detail: describe(e) }];
  }
  const failures: Failure[] = [];
  const lines = lineLengths(text);
  for (const p of problems) {
    if (p.messageId === 'internal-error') failures.push({ kind: 'internal-error', detail: p.message });
    const bad = rangeProblem(p.range, lines) ?? p.related.map((r) => rangeProblem(r.range, lines)).find((m) => m !== undefined);
    if (bad) failures.push({ kind: 'range', detail: `${p.ruleId} (${p.messageId}): ${bad}` });
  }
  checkFixes(text, problems, lines, failures);
  checkIncremental(text, model, failures);
  checkFixAll(text, problems, failures);
  return failures;
}
