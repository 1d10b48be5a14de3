/** textDocument/hover: stage cards, reference cards, rule ids in ignore comments; variables from the generic service. */
import { hover } from '../../features/hover';
import { genericHover } from '../../features/genericEditing';
import { stageKnowledge } from '../../features/stageKnowledge';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const mode = await modeFor(ctx, textDocument.uri);
    const ours = hover(model, position, { referenceDocs: mode.referenceDocs, peerActive: mode.peerActive, sources: stageKnowledge });
    return ours ?? (mode.generic ? genericHover(model, position, ctx.clientCapabilities.textDocument?.hover?.contentFormat) : null);
  });
}
