/** textDocument/definition: a stage reference → its `AS name`; ARG/ENV through the generic service. */
import { genericDefinition } from '../../features/genericEditing';
import { stageDefinition } from '../../features/navigation';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const ours = stageDefinition(model, position);
    if (ours.length > 0) return ours;
    return (await modeFor(ctx, textDocument.uri)).generic ? genericDefinition(model, position) : null;
  });
}
