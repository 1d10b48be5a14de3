/** `textDocument/codeAction`: stagelint's quick fixes, ignore comments and fix-all, from the current lint result. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import type { AnyRule } from '../../engine/defineRule';
import { codeActions, type EditSupport } from '../../features/codeActions';
import type { DocumentLinter } from '../documentLinter';

export interface CodeActionDeps {
  readonly linter: DocumentLinter;
  readonly edits: EditSupport;
  readonly rules: readonly AnyRule[];
}

export async function provideCodeActions(params: CodeActionParams, deps: CodeActionDeps): Promise<CodeAction[]> {
  const snapshot = await deps.linter.lint(params.textDocument.uri);
  if (!snapshot || !snapshot.active) return [];
  return codeActions({
    model: snapshot.model,
    problems: snapshot.problems,
    lintOptions: snapshot.lintOptions,
    diagnostics: params.context.diagnostics,
    ...(params.context.only ? { only: params.context.only } : {}),
    support: deps.edits,
    ignoreCommentActions: snapshot.settings.ignoreCommentActions,
    isSuppressible: (ruleId) => deps.rules.find((r) => r.id === ruleId)?.phase !== 'afterSuppression',
  });
}
