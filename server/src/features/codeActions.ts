/**
 * Code actions for stagelint diagnostics (pure: the LSP handler passes in the current model, its problems and
 * the lint options). The quick-fix menu reads top to bottom from "what repairs this" to "look away":
 *   1. the diagnostics' own fixes, preferred ones first;
 *   2. refactors that repair a diagnostic (computed by the caller, see `refactorQuickFixes`);
 *   3. "Fix all <rule> problems in this file", when the rule has several safe fixes;
 *   4. ignore-comment actions, once per rule per request (a rule with three diagnostics on the line gets one
 *      set), for the instruction, the stage (left out in a single-stage file, where it equals the file) and
 *      the file.
 * On request (`context.only`), `source.fixAll.stagelint` applies every safe fix.
 *
 * Diagnostics carry no fixes (see `diagnostics.ts`): each is matched to its problem among the current problems.
 */
import type { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CODE_ACTION_KINDS } from '../../../shared/src/protocol';
import type { DockerfileModel } from '../analysis/model';
import { applyFixes } from '../engine/applyFixes';
import { minimalEdit } from '../engine/fixes';
import type { LintOptions } from '../engine/lint';
import type { Problem } from '../engine/problem';
import { ruleIdOf } from './diagnostics';
import { ignoreFileEdit, ignoreInstructionEdit, ignoreStageEdit } from './ignoreComments';
import { intersects, sameRange } from '../analysis/ranges';
import { toWorkspaceEdit, wantsKind, type EditSupport } from './workspaceEdits';

export { siblingUri, type EditSupport } from './workspaceEdits';

export interface CodeActionInput {
  /** Model of the document's current version. */
  readonly model: DockerfileModel;
  /** Problems of the current version (all rules, suppressions applied). */
  readonly problems: readonly Problem[];
  /** Options the problems were linted with (used again for fix-all). */
  readonly lintOptions: LintOptions;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  readonly support: EditSupport;
  readonly ignoreCommentActions: boolean;
  /** False for rules whose problems cannot be suppressed (`unused-suppression`). */
  readonly isSuppressible: (ruleId: string) => boolean;
  /** Refactors offered as quick fixes for these diagnostics; listed after the diagnostics' own fixes. */
  readonly refactorFixes?: readonly CodeAction[];
}

interface Located {
  readonly diagnostic: Diagnostic;
  readonly problem: Problem;
}

/** A title without the ` (unsafe)` the engine appends, so a refactor and a rule fix doing the same edit match. */
export function baseTitle(title: string): string {
  return title.replace(/ \(unsafe\)$/, '');
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const located: Located[] = [];
  for (const diagnostic of input.diagnostics) {
    const problem = problemOf(diagnostic, input.problems);
    if (problem) located.push({ diagnostic, problem });
  }
  const byRule = groupByRule(located);
  const sections = [ownFixes(located, input), input.refactorFixes ?? [], fixAllActions(byRule, input), ignoreActions(byRule, input)];

  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const action of sections.flat()) {
    if (!wantsKind(input.only, action.kind)) continue;
    // A refactor with the title of a rule's fix does the same thing: list it once (the first, the rule's own).
    const key = `${action.kind}\u0000${baseTitle(action.title)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push(action);
  }
  if (input.only && wantsKind(input.only, CODE_ACTION_KINDS.fixAll)) {
    const all = fixAllAction(input, 'Fix all auto-fixable stagelint problems', CODE_ACTION_KINDS.fixAll, undefined, []);
    if (all) actions.push(all);
  }
  return actions;
}

/** Every diagnostic's fixes as quick fixes; a stable sort puts the preferred ones first. */
function ownFixes(located: readonly Located[], input: CodeActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  for (const { diagnostic, problem } of located) {
    const safeFixes = problem.fixes.filter((f) => f.safety === 'safe').length;
    for (const fix of problem.fixes) {
      const edit = toWorkspaceEdit(input.model, fix.edits, fix.createFiles ?? [], input.support);
      if (!edit) continue;
      const preferred = fix.safety === 'safe' && safeFixes === 1;
      out.push({ title: fix.title, kind: CODE_ACTION_KINDS.quickfix, diagnostics: [diagnostic], edit, ...(preferred ? { isPreferred: true } : {}) });
    }
  }
  return out.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
}

/** "Fix all <rule>" re-lints the document up to ten times: once per rule per request, not once per diagnostic. */
function fixAllActions(byRule: ReadonlyMap<string, readonly Located[]>, input: CodeActionInput): CodeAction[] {
  if (!wantsKind(input.only, CODE_ACTION_KINDS.quickfix)) return [];
  const out: CodeAction[] = [];
  for (const [ruleId, items] of byRule) {
    const fixable = items.filter((l) => l.problem.fixes.some((f) => f.safety === 'safe'));
    if (fixable.length === 0 || countSafeFixes(input.problems, ruleId) < 2) continue;
    const action = fixAllAction(input, `Fix all ${ruleId} problems in this file`, CODE_ACTION_KINDS.quickfix, [ruleId], fixable.map((l) => l.diagnostic));
    if (action) out.push(action);
  }
  return out;
}

/**
 * One set of ignore actions per rule. The instruction and stage comments go where the rule's first diagnostic
 * is, and each action lists the diagnostics its comment silences.
 */
function ignoreActions(byRule: ReadonlyMap<string, readonly Located[]>, input: CodeActionInput): CodeAction[] {
  if (!input.ignoreCommentActions) return [];
  const { model } = input;
  const out: CodeAction[] = [];
  const action = (title: string, kind: string, edit: TextEdit | undefined, diagnostics: Diagnostic[]): void => {
    const workspaceEdit = edit && toWorkspaceEdit(model, [edit], [], input.support);
    if (workspaceEdit) out.push({ title, kind, diagnostics, edit: workspaceEdit });
  };
  for (const [ruleId, items] of byRule) {
    if (!input.isSuppressible(ruleId)) continue;
    const line = items[0]!.problem.range.start.line;
    const instr = model.instructionAt({ line, character: 0 });
    const stage = instr?.stage ?? model.stageAt({ line, character: 0 });
    const lineOf = (l: Located) => ({ line: l.problem.range.start.line, character: 0 });
    const onInstr = items.filter((l) => instr !== undefined && model.instructionAt(lineOf(l)) === instr);
    const inStage = items.filter((l) => stage !== undefined && model.stageAt(lineOf(l)) === stage);
    action(`Ignore ${ruleId} for this instruction`, CODE_ACTION_KINDS.ignoreInstruction, ignoreInstructionEdit(model, ruleId, line), onInstr.map((l) => l.diagnostic));
    if (model.stages.length > 1) {
      action(`Ignore ${ruleId} for this stage`, CODE_ACTION_KINDS.ignoreStage, ignoreStageEdit(model, ruleId, line), inStage.map((l) => l.diagnostic));
    }
    action(`Ignore ${ruleId} in this file`, CODE_ACTION_KINDS.ignoreFile, ignoreFileEdit(model, ruleId), items.map((l) => l.diagnostic));
  }
  return out;
}

function groupByRule(located: readonly Located[]): Map<string, Located[]> {
  const byRule = new Map<string, Located[]>();
  for (const l of located) {
    const list = byRule.get(l.problem.ruleId);
    if (list) list.push(l);
    else byRule.set(l.problem.ruleId, [l]);
  }
  return byRule;
}

/** The WorkspaceEdit applying every safe fix (of `ruleIds`, or of all rules); undefined when nothing changes. */
export function fixAllEdit(input: Pick<CodeActionInput, 'model' | 'lintOptions' | 'support'>, ruleIds?: readonly string[]): WorkspaceEdit | undefined {
  const result = applyFixes(input.model.text, { ...input.lintOptions, ...(ruleIds ? { ruleIds } : {}) });
  if (result.fixed === 0) return undefined;
  const edit = minimalEdit(input.model, result.output);
  const edits = edit ? [edit] : [];
  // Without resource operations the text fixes still apply; only the file creation is left out.
  const creations = input.support.createFiles ? result.createdFiles : [];
  if (edits.length === 0 && creations.length === 0) return undefined;
  return toWorkspaceEdit(input.model, edits, creations, input.support);
}

function fixAllAction(input: CodeActionInput, title: string, kind: CodeActionKind, ruleIds: readonly string[] | undefined, diagnostics: Diagnostic[]): CodeAction | undefined {
  const edit = fixAllEdit(input, ruleIds);
  if (!edit) return undefined;
  return { title, kind, ...(diagnostics.length > 0 ? { diagnostics } : {}), edit };
}

/**
 * The problem behind one of our diagnostics, among the current problems. A diagnostic of the current version
 * finds its own (same rule, range and message); one published for an older version, the current problem of its
 * rule that overlaps it most closely. Undefined when its rule reports nothing there any more.
 */
export function problemOf(diagnostic: Diagnostic, problems: readonly Problem[]): Problem | undefined {
  const ruleId = ruleIdOf(diagnostic);
  if (!ruleId) return undefined;
  const candidates = problems.filter((p) => p.ruleId === ruleId && intersects(p.range, diagnostic.range));
  return (
    candidates.find((p) => sameRange(p.range, diagnostic.range) && p.message === diagnostic.message) ??
    candidates.find((p) => sameRange(p.range, diagnostic.range)) ??
    candidates.find((p) => p.message === diagnostic.message) ??
    candidates[0]
  );
}

function countSafeFixes(problems: readonly Problem[], ruleId: string): number {
  return problems.filter((p) => p.ruleId === ruleId && p.fixes.some((f) => f.safety === 'safe')).length;
}
