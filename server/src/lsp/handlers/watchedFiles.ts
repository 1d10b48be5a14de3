/**
 * `workspace/didChangeWatchedFiles`: a `.stagelint.json` or `.dockerignore` changed on disk, so the cached
 * lookups are dropped and open documents are diagnosed again. A deleted config file loses its diagnostics.
 */
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../../../../shared/src/config';

export interface WatchedFilesEffects {
  readonly configChanged: () => void;
  readonly configDeleted: (uri: string) => void;
  readonly contextChanged: () => void;
  readonly refresh: () => void;
}

export function handleWatchedFiles(params: DidChangeWatchedFilesParams, effects: WatchedFilesEffects): void {
  let relevant = false;
  for (const change of params.changes) {
    const name = decodeURIComponent(change.uri.slice(change.uri.lastIndexOf('/') + 1));
    if (name === CONFIG_FILE_NAME) {
      effects.configChanged();
      if (change.type === FileChangeType.Deleted) effects.configDeleted(change.uri);
      relevant = true;
    } else if (name.endsWith('.dockerignore')) {
      effects.contextChanged();
      relevant = true;
    }
  }
  if (relevant) effects.refresh();
}
