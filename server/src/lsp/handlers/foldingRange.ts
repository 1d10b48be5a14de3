/** textDocument/foldingRange: one fold per stage, multi-line instruction and comment block. */
import { foldingRanges } from '../../features/folding';
import type { ServerContext } from '../serverContext';

export function registerFoldingRange(ctx: ServerContext): void {
  const limit = ctx.clientCapabilities.textDocument?.foldingRange?.rangeLimit;
  ctx.connection.onFoldingRanges(({ textDocument }) => {
    const model = ctx.getModel(textDocument.uri);
    return model ? foldingRanges(model, limit) : null;
  });
}
