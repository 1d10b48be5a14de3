/** textDocument/codeLens: role and consumers above each FROM, plus "▶ build this stage" (client command). */
import { codeLenses } from '../../features/codeLens';
import type { ServerContext } from '../serverContext';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(({ textDocument }) => {
    const model = ctx.getModel(textDocument.uri);
    return model ? codeLenses(model) : null;
  });
}
