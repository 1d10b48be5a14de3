/**
 * Refactors as code actions (pure; the LSP code action handler merges them into its answer):
 * - at the cursor or selection, every refactor that applies, as `refactor.extract` / `refactor.rewrite`
 *   actions (VS Code lists them under "Refactor…", and a request with `only: ['refactor']` gets them);
 * - on a diagnostic whose rule names a refactor as its fix but attaches none itself (the rule cannot run it, or
 *   it is not written yet), that refactor as a `quickfix` for the diagnostic, titled ` (unsafe)` when it is.
 *
 * When the client asks for every kind at once, a refactor whose title equals a quick fix already offered is
 * left out, so the light bulb does not list the same edit twice. The refactor-backed quick fixes go into
 * `codeActions` (`refactorFixes`), which places them after the diagnostics' own fixes and before the ignore
 * actions; `withRefactors` appends the refactors at the cursor.
 */
import type { CodeAction, Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { CODE_ACTION_KINDS } from '../../../shared/src/protocol';
import type { DockerfileModel } from '../analysis/model';
import type { FileFacts } from '../engine/fileFacts';
import { refactorsAt, refactorsResolving, type RefactorAction } from '../refactors';
import type { Problem } from '../engine/problem';
import { baseTitle, problemOf } from './codeActions';
import { ruleIdOf } from './diagnostics';
import { toWorkspaceEdit, wantsKind, type EditSupport } from './workspaceEdits';

export interface RefactorActionInput {
  readonly model: DockerfileModel;
  /** The cursor (empty range) or the selection. */
  readonly range: Range;
  readonly files: FileFacts;
  readonly diagnostics: readonly Diagnostic[];
  /** Problems of the current version: a diagnostic whose problem has fixes of its own gets no refactor. */
  readonly problems: readonly Problem[];
  readonly only?: readonly string[];
  readonly support: EditSupport;
}

/** `actions` (the diagnostics' code actions) followed by the refactors at the cursor, without repeating a title. */
export function withRefactors(actions: readonly CodeAction[], input: RefactorActionInput): CodeAction[] {
  const titles = new Set(actions.map((a) => baseTitle(a.title)));
  const out = [...actions];
  for (const action of cursorRefactors(input)) {
    const title = baseTitle(action.title);
    if (titles.has(title)) continue;
    titles.add(title);
    out.push(action);
  }
  return out;
}

/** Refactor-backed quick fixes and the refactors at the cursor. */
export function refactorActions(input: RefactorActionInput): CodeAction[] {
  return [...refactorQuickFixes(input), ...cursorRefactors(input)];
}

/** For each diagnostic whose rule names a refactor as its fix but attaches none, that refactor as a quick fix. */
export function refactorQuickFixes(input: RefactorActionInput): CodeAction[] {
  if (!wantsKind(input.only, CODE_ACTION_KINDS.quickfix)) return [];
  const out: CodeAction[] = [];
  const context = { files: input.files };
  for (const diagnostic of input.diagnostics) {
    const ruleId = ruleIdOf(diagnostic);
    if (!ruleId || (problemOf(diagnostic, input.problems)?.fixes.length ?? 0) > 0) continue;
    for (const refactor of refactorsResolving(ruleId)) {
      const action = refactorsAt(input.model, diagnostic.range, context, [refactor])[0];
      const edit = action && actionEdit(input.model, action, input.support);
      if (!action || !edit) continue;
      const title = refactor.safety === 'unsafe' ? `${action.title} (unsafe)` : action.title;
      out.push({ title, kind: CODE_ACTION_KINDS.quickfix, diagnostics: [diagnostic], edit });
    }
  }
  return out;
}

/** Every refactor that applies at the cursor or selection, as `refactor.*` actions. */
function cursorRefactors(input: RefactorActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  for (const action of refactorsAt(input.model, input.range, { files: input.files })) {
    if (!wantsKind(input.only, action.kind)) continue;
    const edit = actionEdit(input.model, action, input.support);
    if (edit) out.push({ title: action.title, kind: action.kind, edit });
  }
  return out;
}

/** The action as a WorkspaceEdit; undefined when it changes nothing or creates files the client cannot create. */
function actionEdit(model: DockerfileModel, action: RefactorAction, support: EditSupport): WorkspaceEdit | undefined {
  if (action.edits.length === 0 && !action.createFiles?.length) return undefined;
  return toWorkspaceEdit(model, action.edits, action.createFiles ?? [], support);
}
