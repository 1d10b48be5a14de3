/** completionItem/resolve: documentation for generic completion items (ours carry theirs already). */
import { resolveGenericCompletion } from '../../features/genericEditing';
import type { ServerContext } from '../serverContext';

export function registerCompletionResolve(ctx: ServerContext): void {
  const formats = ctx.clientCapabilities.textDocument?.completion?.completionItem?.documentationFormat;
  ctx.connection.onCompletionResolve((item) => resolveGenericCompletion(item, formats));
}
