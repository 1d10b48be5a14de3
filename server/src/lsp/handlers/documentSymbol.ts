/** textDocument/documentSymbol: stage → instructions outline (flat list for clients without hierarchy). */
import { documentSymbols, flatSymbols } from '../../features/documentSymbols';
import type { ServerContext } from '../serverContext';

export function registerDocumentSymbol(ctx: ServerContext): void {
  const hierarchical = ctx.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  ctx.connection.onDocumentSymbol(({ textDocument }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model) return null;
    return hierarchical ? documentSymbols(model) : flatSymbols(model);
  });
}
