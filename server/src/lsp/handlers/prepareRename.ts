/** textDocument/prepareRename: stage names (and numeric refs to named stages); variables via the generic service. */
import { ResponseError } from 'vscode-languageserver/node';
import { genericPrepareRename } from '../../features/genericEditing';
import { prepareStageRename } from '../../features/rename';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

/** LSP `RequestFailed`: the client shows the message instead of a rename box. */
export const REQUEST_FAILED = -32803;

export function registerPrepareRename(ctx: ServerContext): void {
  ctx.connection.onPrepareRename(async ({ textDocument, position }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const result = prepareStageRename(model, position);
    if (!('error' in result)) return result;
    if (result.notAStage && (await modeFor(ctx, textDocument.uri)).generic) {
      const range = genericPrepareRename(model, position);
      if (range) return range;
    }
    throw new ResponseError(REQUEST_FAILED, result.error);
  });
}
