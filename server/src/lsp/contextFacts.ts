/**
 * Facts about the files beside a Dockerfile for the pure engine (`FileFacts`), read as the CLI reads them
 * (cli/dockerfileFacts.ts): the `.dockerignore` that applies and the names of the files in the Dockerfile's
 * folder. The folder is listed on every lint, since no watcher reports new files in it; the `.dockerignore`
 * content is cached until a watched-file event reports a change to one.
 */
import { dirname } from 'node:path';
import { listFolder, readDockerignore } from '../cli/dockerfileFacts';
import type { FileFacts } from '../engine/fileFacts';

export class ContextFacts {
  private readonly ignoreFiles = new Map<string, FileFacts['dockerignore']>();

  /** `cache: false` for clients that cannot report changed files: then every lint reads the disk. */
  constructor(private readonly cache: boolean) {}

  forDocument(documentPath: string): FileFacts {
    const names = listFolder(dirname(documentPath));
    if (!names) return {};
    const dockerignore = this.dockerignore(documentPath, names);
    return dockerignore === undefined ? { contextFiles: names } : { dockerignore, contextFiles: names };
  }

  invalidate(): void {
    this.ignoreFiles.clear();
  }

  /** The document was closed: its cached `.dockerignore` goes with it (read again if it is reopened). */
  forget(documentPath: string): void {
    this.ignoreFiles.delete(documentPath);
  }

  /** Cached `.dockerignore` lookups, one per document (for tests: 0 once every document is closed). */
  get size(): number {
    return this.ignoreFiles.size;
  }

  private dockerignore(documentPath: string, names: readonly string[]): FileFacts['dockerignore'] {
    if (this.cache && this.ignoreFiles.has(documentPath)) return this.ignoreFiles.get(documentPath);
    const result = readDockerignore(documentPath, names);
    if (this.cache) this.ignoreFiles.set(documentPath, result);
    return result;
  }
}
