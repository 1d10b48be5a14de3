/** textDocument/rename: a stage and all its named references; variables via the generic service. */
import { ResponseError } from 'vscode-languageserver/node';
import { genericRename } from '../../features/genericEditing';
import { renameStage } from '../../features/rename';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';
import { REQUEST_FAILED } from './prepareRename';

export function registerRename(ctx: ServerContext): void {
  ctx.connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    const result = renameStage(model, position, newName);
    if ('edit' in result) return result.edit;
    if (result.notAStage && (await modeFor(ctx, textDocument.uri)).generic) {
      const edits = genericRename(model, position, newName);
      if (edits.length > 0) return { changes: { [model.uri]: edits } };
    }
    throw new ResponseError(REQUEST_FAILED, result.error);
  });
}
