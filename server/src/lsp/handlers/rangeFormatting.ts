/** textDocument/rangeFormatting (dockerfile-utils formatter). */
import { formatDocumentRange } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerRangeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentRangeFormatting(async ({ textDocument, range, options }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return null;
    return formatDocumentRange(model, range, options);
  });
}
