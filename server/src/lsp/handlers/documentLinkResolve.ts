/** documentLink/resolve: fills in the Docker Hub target of an image link. */
import { resolveDocumentLink } from '../../features/genericEditing';
import type { ServerContext } from '../serverContext';

export function registerDocumentLinkResolve(ctx: ServerContext): void {
  ctx.connection.onDocumentLinkResolve((link) => resolveDocumentLink(link));
}
