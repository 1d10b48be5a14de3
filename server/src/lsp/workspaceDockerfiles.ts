/**
 * Finds the Dockerfiles of the workspace folders for workspace symbols, and keeps the stage symbols of each file
 * version (re-parsed only when the file's mtime or size changes). Only the symbols are kept, not the model they
 * come from: up to 500 models of files nobody has open were ~110 KB each, the symbols of a file a few hundred
 * bytes. Bounded so a huge monorepo cannot stall the server:
 * at most `maxDirs` directories and `maxFiles` Dockerfiles, `maxDepth` levels, files up to `maxBytes`;
 * `node_modules`, VCS and cache folders are skipped and symbolic links are never followed. The directory walk is
 * reused for `rescanMs`; open documents always come from the editor's text, not the disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkspaceSymbol } from 'vscode-languageserver-types';
import { buildModel } from '../analysis/buildModel';
import type { DockerfileModel } from '../analysis/model';
import { matchesQuery, workspaceSymbols } from '../features/workspaceSymbols';
import { pathToUri, uriToPath } from './configFiles';

export interface ScanLimits {
  readonly maxDirs: number;
  readonly maxFiles: number;
  readonly maxDepth: number;
  readonly maxBytes: number;
  readonly rescanMs: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxDirs: 5000, maxFiles: 500, maxDepth: 10, maxBytes: 1024 * 1024, rescanMs: 30_000 };

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', '__pycache__', '.tox', '.cache', '.terraform']);

/** Names that start like a Dockerfile but are notes or editor leftovers (`Dockerfile.md`, `Dockerfile.orig`). */
const NOT_DOCKERFILE = /\.(md|txt|rst|bak|orig|rej|swp|tmp|log)$/i;

export function isDockerfileName(name: string): boolean {
  if (NOT_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.-][^/]*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

/** Breadth-first walk, so shallow Dockerfiles are found first when a limit cuts the walk short. */
export async function findDockerfiles(roots: readonly string[], limits: ScanLimits = DEFAULT_LIMITS): Promise<string[]> {
  const found: string[] = [];
  let dirs = 0;
  const queue: { dir: string; depth: number }[] = roots.map((dir) => ({ dir, depth: 0 }));
  while (queue.length > 0 && dirs < limits.maxDirs && found.length < limits.maxFiles) {
    const { dir, depth } = queue.shift()!;
    dirs++;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (depth + 1 <= limits.maxDepth && !SKIPPED_DIRS.has(entry.name)) queue.push({ dir: join(dir, entry.name), depth: depth + 1 });
      } else if (entry.isFile() && isDockerfileName(entry.name)) {
        found.push(join(dir, entry.name));
        if (found.length >= limits.maxFiles) break;
      }
    }
  }
  return found;
}

/** Stage symbols of every stage of a model, in order (the query filters them later). */
function allSymbols(model: DockerfileModel): WorkspaceSymbol[] {
  return workspaceSymbols([model], '', Infinity);
}

export class WorkspaceDockerfiles {
  private scan: { key: string; at: number; files: Promise<string[]> } | undefined;
  private readonly symbolsByPath = new Map<string, { stamp: string; symbols: readonly WorkspaceSymbol[] }>();

  constructor(private readonly limits: ScanLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /**
   * The workspace's stage symbols matching `query` (at most `limit`), as `workspaceSymbols` gives them for the
   * models of every file in order: open documents first (`openModel` supplies the editor's version), then the
   * files found on disk.
   */
  async symbols(roots: readonly string[], openUris: readonly string[], openModel: (uri: string) => DockerfileModel | undefined, query: string, limit = 500): Promise<WorkspaceSymbol[]> {
    const result: WorkspaceSymbol[] = [];
    const openPaths = new Set<string>();
    for (const uri of openUris) {
      const model = openModel(uri);
      if (!model) continue;
      result.push(...workspaceSymbols([model], query, limit - result.length));
      if (result.length >= limit) return result;
      const path = uriToPath(uri);
      if (path) openPaths.add(path);
    }
    const files = await this.files(roots);
    const live = new Set(files);
    for (const path of [...this.symbolsByPath.keys()]) if (!live.has(path)) this.symbolsByPath.delete(path);
    for (const path of files) {
      if (openPaths.has(path)) continue;
      for (const symbol of (await this.load(path)) ?? []) {
        if (!matchesQuery(symbol.name, query)) continue;
        result.push(symbol);
        if (result.length >= limit) return result;
      }
    }
    return result;
  }

  /** How many files' symbols are cached (for tests). */
  get cachedFiles(): number {
    return this.symbolsByPath.size;
  }

  private files(roots: readonly string[]): Promise<string[]> {
    const key = roots.join('\u0000');
    const t = this.now();
    if (!this.scan || this.scan.key !== key || t - this.scan.at > this.limits.rescanMs) {
      this.scan = { key, at: t, files: findDockerfiles(roots, this.limits) };
    }
    return this.scan.files;
  }

  private async load(path: string): Promise<readonly WorkspaceSymbol[] | undefined> {
    try {
      const info = await stat(path);
      if (info.size > this.limits.maxBytes) return undefined;
      const stamp = `${info.mtimeMs}:${info.size}`;
      const cached = this.symbolsByPath.get(path);
      if (cached?.stamp === stamp) return cached.symbols;
      const symbols = allSymbols(buildModel(await readFile(path, 'utf8'), { uri: pathToUri(path) }));
      this.symbolsByPath.set(path, { stamp, symbols });
      return symbols;
    } catch {
      return undefined;
    }
  }
}
