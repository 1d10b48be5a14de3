/** textDocument/references: every reference to a stage (FROM, COPY --from, mount from=, numeric, comments). */
import { stageReferences } from '../../features/navigation';
import type { ServerContext } from '../serverContext';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(({ textDocument, position, context }) => {
    const model = ctx.getModel(textDocument.uri);
    return model ? stageReferences(model, position, context.includeDeclaration) : null;
  });
}
