/** textDocument/selectionRange: word → flag/argument → instruction → stage → file. */
import { selectionRanges } from '../../features/selectionRanges';
import type { ServerContext } from '../serverContext';

export function registerSelectionRange(ctx: ServerContext): void {
  ctx.connection.onSelectionRanges(({ textDocument, positions }) => {
    const model = ctx.getModel(textDocument.uri);
    return model ? selectionRanges(model, positions) : null;
  });
}
