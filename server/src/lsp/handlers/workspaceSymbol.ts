/** workspace/symbol: stages of every Dockerfile in the workspace folders (open documents from the editor). */
import { uriToPath } from '../configFiles';
import type { ServerContext } from '../serverContext';
import { WorkspaceDockerfiles } from '../workspaceDockerfiles';

export function registerWorkspaceSymbol(ctx: ServerContext): void {
  const files = new WorkspaceDockerfiles();
  const supportsFolders = ctx.clientCapabilities.workspace?.workspaceFolders === true;
  ctx.connection.onWorkspaceSymbol(async ({ query }) => {
    const folders = supportsFolders ? ((await ctx.connection.workspace.getWorkspaceFolders()) ?? []) : [];
    const roots = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    const open = ctx.documents.all().filter((d) => d.languageId === 'dockerfile' || /dockerfile|containerfile/i.test(d.uri)).map((d) => d.uri);
    return files.symbols(roots, open, (uri) => ctx.getModel(uri), query);
  });
}
