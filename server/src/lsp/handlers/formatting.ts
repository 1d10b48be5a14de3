/** textDocument/formatting (dockerfile-utils formatter; hand-formatted multi-line instructions are left alone). */
import { formatDocument } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting(async ({ textDocument, options }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return null;
    return formatDocument(model, options);
  });
}
