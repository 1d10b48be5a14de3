/**
 * textDocument/completion: stage names and rule ids from our model; everything else (instructions, flags,
 * variables, directives) from the generic service when it is enabled. Where we have stage candidates they
 * replace the generic ones, which would offer the same names again.
 */
import { completion } from '../../features/completion';
import { genericCompletion } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerCompletion(ctx: ServerContext): void {
  const itemCaps = ctx.clientCapabilities.textDocument?.completion?.completionItem;
  const caps = {
    snippetSupport: itemCaps?.snippetSupport === true,
    deprecatedSupport: itemCaps?.deprecatedSupport === true,
    ...(itemCaps?.documentationFormat ? { documentationFormat: itemCaps.documentationFormat } : {}),
    ...(itemCaps?.tagSupport ? { tagSupport: itemCaps.tagSupport } : {}),
  };
  ctx.connection.onCompletion(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const mode = await modeFor(ctx, textDocument.uri);
    const ours = completion(model, position, { peerActive: mode.peerActive });
    if (ours.length > 0) return ours;
    return mode.generic ? genericCompletion(model, position, caps) : null;
  });
}
