/**
 * `workspace/executeCommand` for the server's own commands. Only what cannot be a plain code action edit:
 * `stagelint.applyAllFixes` (behind the client's "Fix All Auto-fixable Problems") applies every safe fix of
 * a document through `workspace/applyEdit`.
 */
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver/node';
import { SERVER_COMMANDS } from '../../../../shared/src/protocol';
import { fixAllEdit, type EditSupport } from '../../features/codeActions';
import type { DocumentLinter } from '../documentLinter';

export interface ExecuteCommandDeps {
  readonly connection: Connection;
  readonly linter: DocumentLinter;
  readonly edits: EditSupport;
}

export function isServerCommand(command: string): boolean {
  return (Object.values(SERVER_COMMANDS) as string[]).includes(command);
}

/** Returns whether the edit was applied (false when there was nothing to fix). */
export async function executeServerCommand(params: ExecuteCommandParams, deps: ExecuteCommandDeps): Promise<{ applied: boolean }> {
  if (params.command !== SERVER_COMMANDS.applyAllFixes) return { applied: false };
  const uri = commandUri(params.arguments?.[0]);
  if (!uri) return { applied: false };
  const snapshot = await deps.linter.lint(uri);
  if (!snapshot || !snapshot.active) return { applied: false };
  const edit = fixAllEdit({ model: snapshot.model, lintOptions: snapshot.lintOptions, support: deps.edits });
  if (!edit) return { applied: false };
  const result = await deps.connection.workspace.applyEdit({ label: 'Fix all auto-fixable stagelint problems', edit });
  return { applied: result.applied };
}

function commandUri(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string') return (arg as { uri: string }).uri;
  return undefined;
}
