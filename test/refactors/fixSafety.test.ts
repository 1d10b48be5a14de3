/**
 * Fix safety, the acceptance bar for fixes and refactors: every fix any rule offers (safe and unsafe) and every
 * refactor offered at any instruction (and on a selection, for "Extract stage") is applied to every Dockerfile of
 * the shared corpus and of test/fixtures, one at a time, and the result must
 * - parse, with no `dockerfile-syntax` problem the original did not have;
 * - no longer have the problem the fix names (for a refactor: no more problems of the rules it resolves);
 * - raise no error-severity problem the original did not have;
 * - be stable: the same action is not offered again at the same place (or changes nothing);
 * - after a split, raise none of `no-build-tools-in-final-stage`, `no-sdk-base-in-final-stage`,
 *   `no-root-final-stage`, `user-must-exist` (those registered).
 * The counts are printed so that a regression that silently stops offering actions shows up.
 */
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/analysis/buildModel';
import { applyEdits } from '../../server/src/engine/applyFixes';
import type { FileFacts } from '../../server/src/engine/fileFacts';
import { lint } from '../../server/src/engine/lint';
import type { FileCreation, Problem } from '../../server/src/engine/problem';
import { REFACTORS, refactorsAt, type RefactorAction } from '../../server/src/refactors';
import { allRules } from '../../server/src/rules';
import { dockerfiles, mapPosition } from './support';

const FILES: FileFacts = { dockerignore: null };
const SPLIT_CLEAN = ['no-build-tools-in-final-stage', 'no-sdk-base-in-final-stage', 'no-root-final-stage', 'user-must-exist'];
const registered = new Set(allRules.map((r) => r.id));

interface Counts {
  files: number;
  fixes: number;
  refactors: number;
  byRefactor: Map<string, number>;
  failures: string[];
}

function filesAfter(created: readonly FileCreation[] | undefined): FileFacts {
  const ignore = created?.find((f) => f.path === '.dockerignore');
  return ignore ? { ...FILES, dockerignore: { path: ignore.path, content: ignore.content } } : FILES;
}

function key(p: Problem): string {
  return `${p.ruleId}\u0000${p.messageId}`;
}

function countBy(problems: readonly Problem[], pick: (p: Problem) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) if (pick(p)) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
  return m;
}

/** Checks shared by fixes and refactors; returns the problems found after the action. */
function checkCommon(name: string, label: string, before: readonly Problem[], after: readonly Problem[], failures: string[]): void {
  const syntaxBefore = before.filter((p) => p.ruleId === 'dockerfile-syntax').length;
  const syntaxAfter = after.filter((p) => p.ruleId === 'dockerfile-syntax');
  if (syntaxAfter.length > syntaxBefore) failures.push(`${name}: ${label}: result does not parse: ${syntaxAfter.map((p) => p.message).join('; ')}`);
  const errorsBefore = countBy(before, (p) => p.severity === 'error');
  for (const [k, n] of countBy(after, (p) => p.severity === 'error')) {
    if (n > (errorsBefore.get(k) ?? 0)) failures.push(`${name}: ${label}: new error ${k.replace('\u0000', '/')}: ${after.find((p) => key(p) === k)!.message}`);
  }
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

function checkFixes(name: string, text: string, problems: readonly Problem[], counts: Counts): void {
  for (const problem of problems) {
    for (const fix of problem.fixes) {
      const label = `fix '${fix.title}' of ${problem.ruleId} (line ${problem.range.start.line + 1})`;
      let output: string;
      try {
        output = applyEdits(text, fix.edits);
      } catch (e) {
        counts.failures.push(`${name}: ${label}: edits do not apply: ${String(e)}`);
        continue;
      }
      counts.fixes++;
      const after = lint(output, { files: filesAfter(fix.createFiles) }).problems;
      checkCommon(name, label, problems, after, counts.failures);
      // Gone (and therefore not offered again): no problem of the rule and message left where it was.
      const at = mapPosition(text, fix.edits, problem.range.start);
      const still = after.find((p) => p.ruleId === problem.ruleId && p.messageId === problem.messageId && sameStart(p.range, { start: at, end: at }));
      if (still) counts.failures.push(`${name}: ${label}: the problem is still there: ${still.message}`);
      if (output === text && !fix.createFiles?.length) counts.failures.push(`${name}: ${label}: the fix changes nothing`);
    }
  }
}

/** Cursor positions (each instruction's start) and, for the first and last stage, a selection from its first instruction. */
function probes(text: string): Range[] {
  const model = buildModel(text);
  const out: Range[] = model.instructions.map((i) => ({ start: i.range.start, end: i.range.start }));
  for (const stage of new Set([model.stages[0], model.stages[model.stages.length - 1]])) {
    if (!stage) continue;
    const first = stage.instructions[0];
    const middle = stage.instructions[Math.floor((stage.instructions.length - 1) / 2)];
    if (first && middle) out.push({ start: first.range.start, end: middle.range.end });
  }
  return out;
}

function checkRefactors(name: string, text: string, problems: readonly Problem[], counts: Counts): void {
  const model = buildModel(text, { uri: 'file:///work/Dockerfile' });
  const seen = new Set<string>();
  for (const range of probes(text)) {
    for (const action of refactorsAt(model, range, { files: FILES })) {
      const output = applyEdits(text, action.edits);
      const id = `${action.id}\u0000${action.title}\u0000${output}`;
      if (seen.has(id)) continue;
      seen.add(id);
      checkRefactor(name, text, problems, range, action, output, counts);
    }
  }
}

function checkRefactor(name: string, text: string, problems: readonly Problem[], range: Range, action: RefactorAction, output: string, counts: Counts): void {
  const label = `refactor '${action.title}' at line ${range.start.line + 1}`;
  counts.refactors++;
  counts.byRefactor.set(action.id, (counts.byRefactor.get(action.id) ?? 0) + 1);
  const files = filesAfter(action.createFiles);
  const after = lint(output, { files }).problems;
  checkCommon(name, label, problems, after, counts.failures);
  if (output === text && !action.createFiles?.length) counts.failures.push(`${name}: ${label}: changes nothing`);
  const refactor = REFACTORS.find((r) => r.id === action.id);
  if (!refactor) {
    counts.failures.push(`${name}: ${label}: no refactor '${action.id}'`);
    return;
  }
  for (const rule of refactor.resolves) {
    const before = problems.filter((p) => p.ruleId === rule).length;
    const left = after.filter((p) => p.ruleId === rule).length;
    if (left > before) counts.failures.push(`${name}: ${label}: more ${rule} problems than before (${before} → ${left})`);
  }
  if (action.id === 'split-stages') {
    for (const rule of [...SPLIT_CLEAN, ...refactor.resolves].filter((r) => registered.has(r))) {
      const left = after.filter((p) => p.ruleId === rule);
      if (left.length > 0) counts.failures.push(`${name}: ${label}: the split raises ${rule}: ${left[0]!.message}`);
    }
  }
  // Idempotent: at the same place in the result, the refactor is not offered again (or changes nothing).
  const model = buildModel(output, { uri: 'file:///work/Dockerfile' });
  const mapped: Range = { start: mapPosition(text, action.edits, range.start), end: mapPosition(text, action.edits, range.end) };
  const again = refactorsAt(model, mapped, { files }, [refactor])[0];
  if (again && applyEdits(output, again.edits) !== output) counts.failures.push(`${name}: ${label}: offered again after it was applied ('${again.title}')`);
}

describe('fix safety', () => {
  const inputs = dockerfiles();
  const counts: Counts = { files: 0, fixes: 0, refactors: 0, byRefactor: new Map(), failures: [] };
  const CHUNKS = 6;

  it('reads the corpus and the fixtures', () => {
    expect(inputs.filter((f) => f.name.startsWith('corpus/')).length).toBeGreaterThan(200);
    expect(inputs.filter((f) => f.name.startsWith('fixtures/split/')).length).toBeGreaterThanOrEqual(6);
  });

  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    const part = inputs.filter((_, i) => i % CHUNKS === chunk);
    it(`applies every fix and refactor to files ${chunk + 1}/${CHUNKS} without breaking them`, () => {
      const failures = counts.failures.length;
      for (const { name, text } of part) {
        counts.files++;
        const problems = lint(text, { files: FILES }).problems;
        checkFixes(name, text, problems, counts);
        checkRefactors(name, text, problems, counts);
      }
      expect(counts.failures.slice(failures)).toEqual([]);
    }, 120_000);
  }

  it('reports actions that break a file, keep their problem or add an error (the checks can fail)', () => {
    const probe: Counts = { files: 0, fixes: 0, refactors: 0, byRefactor: new Map(), failures: [] };
    const text = 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n';
    const problems = lint(text, { files: FILES }).problems;
    const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 200 } });
    const breaks: RefactorAction = { id: 'name-stage', title: 'Breaks', kind: 'refactor.rewrite', edits: [{ range: line(1), newText: 'RUN --mount=type=nope echo hi' }] };
    checkRefactor('probe', text, problems, line(1), breaks, applyEdits(text, breaks.edits), probe);
    const cycle: RefactorAction = { id: 'name-stage', title: 'Cycle', kind: 'refactor.rewrite', edits: [{ range: line(1), newText: 'COPY --from=0 /a /a' }] };
    checkRefactor('probe', text, problems, line(1), cycle, applyEdits(text, cycle.edits), probe);
    // A "fix" that edits something else leaves its problem in place.
    const untagged = lint('FROM alpine\nCMD ["sh"]\n').problems.find((p) => p.ruleId === 'no-latest-tag');
    expect(untagged).toBeDefined();
    const keeps: Problem = { ...untagged!, fixes: [{ title: 'Keeps', safety: 'safe', edits: [{ range: line(1), newText: 'CMD ["ash"]' }] }] };
    checkFixes('probe', 'FROM alpine\nCMD ["sh"]\n', [keeps], probe);
    expect(probe.failures.some((f) => f.includes('does not parse'))).toBe(true);
    expect(probe.failures.some((f) => f.includes('new error'))).toBe(true);
    expect(probe.failures.some((f) => f.includes('still there'))).toBe(true);
  });

  it('applied every kind of action somewhere', () => {
    const per = [...counts.byRefactor.entries()].map(([id, n]) => `${id} ${n}`).join(', ');
    console.info(`fix safety: ${counts.fixes} fixes and ${counts.refactors} refactors (${per}) applied to ${counts.files} files, ${counts.failures.length} failures`);
    expect(counts.files).toBe(inputs.length);
    expect(counts.fixes).toBeGreaterThan(200);
    const ruleBacked: Record<string, string> = { 'add-chown': 'copy-needs-chown', 'fold-chown': 'prefer-copy-chown', 'add-non-root-user': 'no-root-final-stage' };
    for (const refactor of REFACTORS) {
      const rule = ruleBacked[refactor.id];
      if (rule && !registered.has(rule)) continue; // rule-backed: offers nothing without its rule
      expect(counts.byRefactor.get(refactor.id) ?? 0, `refactor ${refactor.id} applied`).toBeGreaterThan(0);
    }
    expect(counts.byRefactor.get('split-stages') ?? 0).toBeGreaterThanOrEqual(6);
  });
});
