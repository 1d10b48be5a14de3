/** textDocument/semanticTokens/full (generic service; legend in genericEditing.ts). */
import { semanticTokens } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(async ({ textDocument }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return { data: [] };
    return semanticTokens(model);
  });
}
