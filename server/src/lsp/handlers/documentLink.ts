/** textDocument/documentLink: image names → their registry pages (generic service). */
import { documentLinks } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerDocumentLink(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(async ({ textDocument }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return null;
    return documentLinks(model);
  });
}
