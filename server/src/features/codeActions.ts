/**
 * Code actions for stagelint diagnostics (pure: the LSP handler passes in the current model, its problems and
 * the lint options). Per diagnostic: its fixes as quick fixes, "Fix all <rule> problems in this file" when the
 * rule has several safe fixes, and ignore-comment actions for the instruction, the stage and the file. On
 * request (`context.only`), `source.fixAll.stagelint` applies every safe fix.
 *
 * Diagnostics computed for an older document version carry stale edits; their problem is then looked up again
 * in the current problems instead of trusting `data`.
 */
import type { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CODE_ACTION_KINDS } from '../../../shared/src/protocol';
import type { DockerfileModel } from '../analysis/model';
import { applyFixes } from '../engine/applyFixes';
import { minimalEdit } from '../engine/fixes';
import type { LintOptions } from '../engine/lint';
import type { Fix, Problem } from '../engine/problem';
import { diagnosticData } from './diagnostics';
import { ignoreFileEdit, ignoreInstructionEdit, ignoreStageEdit } from './ignoreComments';
import { intersects, sameRange } from './ranges';
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
}

interface ResolvedProblem {
  readonly ruleId: string;
  readonly range: Range;
  readonly fixes: readonly Fix[];
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction | undefined) => {
    if (!action || !wantsKind(input.only, action.kind)) return;
    const key = `${action.kind}\u0000${action.title}`;
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action);
  };
  const { model } = input;
  // "Fix all <rule>" re-lints the document up to ten times: once per rule per request, not once per diagnostic.
  const fixAllOffered = new Set<string>();

  for (const diagnostic of input.diagnostics) {
    const problem = resolve(diagnostic, input);
    if (!problem) continue;
    const safeFixes = problem.fixes.filter((f) => f.safety === 'safe');
    for (const fix of problem.fixes) {
      const edit = toWorkspaceEdit(model, fix.edits, fix.createFiles ?? [], input.support);
      if (!edit) continue;
      add({
        title: fix.title,
        kind: CODE_ACTION_KINDS.quickfix,
        diagnostics: [diagnostic],
        edit,
        ...(fix.safety === 'safe' && safeFixes.length === 1 ? { isPreferred: true } : {}),
      });
    }
    const { ruleId } = problem;
    if (safeFixes.length > 0 && !fixAllOffered.has(ruleId) && wantsKind(input.only, CODE_ACTION_KINDS.quickfix) && countSafeFixes(input.problems, ruleId) > 1) {
      fixAllOffered.add(ruleId);
      add(fixAllAction(input, `Fix all ${ruleId} problems in this file`, CODE_ACTION_KINDS.quickfix, [ruleId], [diagnostic]));
    }
    if (input.ignoreCommentActions && input.isSuppressible(ruleId)) {
      const line = problem.range.start.line;
      const ignore = (title: string, kind: string, edit: TextEdit | undefined): CodeAction | undefined =>
        edit ? { title, kind, diagnostics: [diagnostic], edit: toWorkspaceEdit(model, [edit], [], input.support) } : undefined;
      add(ignore(`Ignore ${ruleId} for this instruction`, CODE_ACTION_KINDS.ignoreInstruction, ignoreInstructionEdit(model, ruleId, line)));
      add(ignore(`Ignore ${ruleId} for this stage`, CODE_ACTION_KINDS.ignoreStage, ignoreStageEdit(model, ruleId, line)));
      add(ignore(`Ignore ${ruleId} in this file`, CODE_ACTION_KINDS.ignoreFile, ignoreFileEdit(model, ruleId)));
    }
  }

  if (input.only && wantsKind(input.only, CODE_ACTION_KINDS.fixAll)) {
    add(fixAllAction(input, 'Fix all auto-fixable stagelint problems', CODE_ACTION_KINDS.fixAll, undefined, []));
  }
  return actions;
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

/** The problem behind a diagnostic: from `data` when it is current, else matched among the current problems. */
function resolve(diagnostic: Diagnostic, input: CodeActionInput): ResolvedProblem | undefined {
  const data = diagnosticData(diagnostic);
  if (!data) return undefined;
  if (data.version === input.model.version) return { ruleId: data.ruleId, range: diagnostic.range, fixes: data.fixes };
  const candidates = input.problems.filter((p) => p.ruleId === data.ruleId && intersects(p.range, diagnostic.range));
  return (
    candidates.find((p) => sameRange(p.range, diagnostic.range)) ??
    candidates.find((p) => p.message === diagnostic.message) ??
    candidates[0]
  );
}

function countSafeFixes(problems: readonly Problem[], ruleId: string): number {
  return problems.filter((p) => p.ruleId === ruleId && p.fixes.some((f) => f.safety === 'safe')).length;
}
