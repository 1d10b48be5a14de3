/**
 * Facts about the files beside a Dockerfile, read from disk for the pure engine (`FileFacts`): the
 * `.dockerignore` that applies (BuildKit prefers `<Dockerfile name>.dockerignore` next to the Dockerfile over
 * `.dockerignore` in the context root) and the names of the files in the Dockerfile's folder. The
 * `.dockerignore` read is cached until a watched-file event reports a change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileFacts } from '../engine/fileFacts';

export class ContextFacts {
  private readonly ignoreFiles = new Map<string, FileFacts['dockerignore']>();

  constructor(private readonly cache: boolean) {}

  forDocument(documentPath: string): FileFacts {
    return { dockerignore: this.dockerignore(documentPath), contextFiles: listFolder(dirname(documentPath)) };
  }

  invalidate(): void {
    this.ignoreFiles.clear();
  }

  private dockerignore(documentPath: string): FileFacts['dockerignore'] {
    if (this.cache && this.ignoreFiles.has(documentPath)) return this.ignoreFiles.get(documentPath);
    const folder = dirname(documentPath);
    let result: FileFacts['dockerignore'] = null;
    for (const name of [`${basename(documentPath)}.dockerignore`, '.dockerignore']) {
      const content = readText(join(folder, name));
      if (content !== undefined) {
        result = { path: name, content };
        break;
      }
    }
    if (this.cache) this.ignoreFiles.set(documentPath, result);
    return result;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function listFolder(folder: string): readonly string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}
