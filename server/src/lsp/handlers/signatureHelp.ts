/** textDocument/signatureHelp (generic service; only when generic editing features are on). */
import { signatureHelp } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerSignatureHelp(ctx: ServerContext): void {
  ctx.connection.onSignatureHelp(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return null;
    return signatureHelp(model, position);
  });
}
