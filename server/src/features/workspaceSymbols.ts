/**
 * Workspace symbols: the stages of every Dockerfile the adapter found in the workspace, filtered by the query
 * the way editors filter (case-insensitive subsequence). The adapter supplies the models (open documents from
 * the cache, other files parsed once per modification).
 */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { inferStageRole, stageRoleLabel } from '../analysis/stageRole';
import { stageDisplayName } from './stageLabels';
import { stageAnchor } from '../analysis/stageOccurrences';

export function matchesQuery(name: string, query: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (i < q.length && c === q[i]) i++;
  return i === q.length;
}

function fileLabel(uri: string): string {
  const parts = uri.split('/');
  return decodeURIComponent(parts.slice(-2).join('/'));
}

export function workspaceSymbols(models: readonly DockerfileModel[], query: string, limit = 500): WorkspaceSymbol[] {
  const result: WorkspaceSymbol[] = [];
  for (const model of models) {
    for (const stage of model.stages) {
      const name = stageDisplayName(stage);
      if (!matchesQuery(name, query)) continue;
      result.push({
        name,
        kind: SymbolKind.Class,
        containerName: `${stageRoleLabel(inferStageRole(model, stage))} · ${fileLabel(model.uri)}`,
        location: { uri: model.uri, range: stageAnchor(stage) },
      });
      if (result.length >= limit) return result;
    }
  }
  return result;
}
