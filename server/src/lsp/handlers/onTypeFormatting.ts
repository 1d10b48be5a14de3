/** textDocument/onTypeFormatting: indents the line after an escape character (dockerfile-utils formatter). */
import { formatOnTypeEdits } from '../../features/genericEditing';
import { modeFor } from '../editorMode';
import type { ServerContext } from '../serverContext';

export function registerOnTypeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentOnTypeFormatting(async ({ textDocument, position, ch, options }) => {
    const model = ctx.getModel(textDocument.uri);
    if (!model || !(await modeFor(ctx, textDocument.uri)).generic) return null;
    return formatOnTypeEdits(model, position, ch, options);
  });
}
