/** textDocument/documentHighlight: the stage under the cursor everywhere it is named; variables via the generic service. */
import { genericHighlights } from '../../features/genericEditing';
import { stageHighlights } from '../../features/navigation';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerDocumentHighlight(ctx: ServerContext): void {
  ctx.connection.onDocumentHighlight(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const ours = stageHighlights(model, position);
    if (ours.length > 0) return ours;
    return (await modeFor(ctx, textDocument.uri)).generic ? genericHighlights(model, position) : null;
  });
}
