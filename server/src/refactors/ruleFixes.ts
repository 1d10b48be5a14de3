/**
 * Refactors that are a rule's fix offered at the cursor: the rule runs alone on the model (enabled whatever the
 * user's configuration, ignore comments not honoured: asking for the refactor is explicit), and the fix of the
 * problem on the instruction under the cursor is the action. The edits are then exactly the fix's, so the
 * quick fix and the refactor never drift apart. A rule missing from the registry offers nothing.
 */
import type { Range } from 'vscode-languageserver-types';
import { ObjectMemo } from '../analysis/memo';
import type { DockerfileModel, Instr } from '../analysis/model';
import type { FileFacts } from '../engine/fileFacts';
import { lintModel } from '../engine/lint';
import type { Fix, Problem } from '../engine/problem';
import { allRules } from '../rules';
import { instructionsIn } from './selection';

const cache = new ObjectMemo<DockerfileModel, Map<string, { files: FileFacts; problems: readonly Problem[] }>>();

/** Problems of rule `ruleId` on `model` (cached per model, rule and file facts). */
export function ruleProblems(model: DockerfileModel, ruleId: string, files: FileFacts): readonly Problem[] {
  const rule = allRules.find((r) => r.id === ruleId);
  if (!rule) return [];
  let perRule = cache.get(model);
  if (!perRule) cache.set(model, (perRule = new Map()));
  const hit = perRule.get(ruleId);
  if (hit && hit.files === files) return hit.problems;
  const problems = lintModel(model, { rules: [rule], config: { file: { rules: { [ruleId]: 'warning' } } }, files, honourSuppressions: false });
  perRule.set(ruleId, { files, problems });
  return problems;
}

function touches(instrs: readonly Instr[], range: Range): boolean {
  return instrs.some((i) => i.range.start.line <= range.end.line && range.start.line <= i.range.end.line);
}

/** The problem of `ruleId` on an instruction under `range`, with its first fix (undefined when none). */
export function ruleFixAt(model: DockerfileModel, range: Range, files: FileFacts, ruleId: string): { problem: Problem; fix: Fix } | undefined {
  const at = instructionsIn(model, range);
  if (at.length === 0) return undefined;
  for (const problem of ruleProblems(model, ruleId, files)) {
    const fix = problem.fixes[0];
    if (!fix) continue;
    if (touches(at, problem.range) || problem.related.some((r) => touches(at, r.range))) return { problem, fix };
  }
  return undefined;
}

/** The fix title without the engine's ` (unsafe)` suffix (refactors are explicit, their kind says enough). */
export function plainTitle(fix: Fix): string {
  return fix.title.replace(/ \(unsafe\)$/, '');
}
