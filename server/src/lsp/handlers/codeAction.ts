/** `textDocument/codeAction`: stagelint's quick fixes, ignore comments and fix-all, from the current lint result, and the refactors. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import type { AnyRule } from '../../engine/defineRule';
import { codeActions, type EditSupport } from '../../features/codeActions';
import { refactorQuickFixes, withRefactors, type RefactorActionInput } from '../../features/refactorActions';
import type { DocumentLinter } from '../documentLinter';

export interface CodeActionDeps {
  readonly linter: DocumentLinter;
  readonly edits: EditSupport;
  readonly rules: readonly AnyRule[];
}

export async function provideCodeActions(params: CodeActionParams, deps: CodeActionDeps): Promise<CodeAction[]> {
  const snapshot = await deps.linter.lint(params.textDocument.uri);
  if (!snapshot || !snapshot.active) return [];
  const only = params.context.only ? { only: params.context.only } : {};
  const refactorInput: RefactorActionInput = {
    model: snapshot.model,
    range: params.range,
    files: snapshot.lintOptions.files ?? {},
    diagnostics: params.context.diagnostics,
    problems: snapshot.problems,
    ...only,
    support: deps.edits,
  };
  const actions = codeActions({
    model: snapshot.model,
    problems: snapshot.problems,
    lintOptions: snapshot.lintOptions,
    diagnostics: params.context.diagnostics,
    ...only,
    support: deps.edits,
    ignoreCommentActions: snapshot.settings.ignoreCommentActions,
    isSuppressible: (ruleId) => deps.rules.find((r) => r.id === ruleId)?.phase !== 'afterSuppression',
    // Refactors that repair a diagnostic are listed after its own fixes and before the ignore actions.
    refactorFixes: refactorQuickFixes(refactorInput),
  });
  // Then the refactors at the cursor (refactor.extract / refactor.rewrite).
  return withRefactors(actions, refactorInput);
}
