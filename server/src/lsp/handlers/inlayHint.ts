/** textDocument/inlayHint: `--from=0 → builder`, resolved FROM variables, "unreachable". */
import { inlayHints } from '../../features/inlayHints';
import type { ServerContext } from '../serverContext';

export function registerInlayHint(ctx: ServerContext): void {
  ctx.connection.languages.inlayHint.on(({ textDocument, range }) => {
    const model = ctx.getModel(textDocument.uri);
    return model ? inlayHints(model, range) : null;
  });
}
