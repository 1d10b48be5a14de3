/**
 * Finds the Dockerfiles of the workspace folders for workspace symbols, and keeps one model per file version
 * (re-parsed only when the file's mtime or size changes). Bounded so a huge monorepo cannot stall the server:
 * at most `maxDirs` directories and `maxFiles` Dockerfiles, `maxDepth` levels, files up to `maxBytes`;
 * `node_modules`, VCS and cache folders are skipped and symbolic links are never followed. The directory walk is
 * reused for `rescanMs`; open documents always come from the editor's text, not the disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModel } from '../analysis/buildModel';
import type { DockerfileModel } from '../analysis/model';
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

export class WorkspaceDockerfiles {
  private scan: { key: string; at: number; files: Promise<string[]> } | undefined;
  private readonly models = new Map<string, { stamp: string; model: DockerfileModel }>();

  constructor(private readonly limits: ScanLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /** Models of the workspace's Dockerfiles; `openModel` supplies the editor's version of open documents. */
  async all(roots: readonly string[], openUris: readonly string[], openModel: (uri: string) => DockerfileModel | undefined): Promise<DockerfileModel[]> {
    const result: DockerfileModel[] = [];
    const openPaths = new Set<string>();
    for (const uri of openUris) {
      const model = openModel(uri);
      if (!model) continue;
      result.push(model);
      const path = uriToPath(uri);
      if (path) openPaths.add(path);
    }
    const files = await this.files(roots);
    const live = new Set(files);
    for (const path of [...this.models.keys()]) if (!live.has(path)) this.models.delete(path);
    for (const path of files) {
      if (openPaths.has(path)) continue;
      const model = await this.load(path);
      if (model) result.push(model);
    }
    return result;
  }

  private files(roots: readonly string[]): Promise<string[]> {
    const key = roots.join('\u0000');
    const t = this.now();
    if (!this.scan || this.scan.key !== key || t - this.scan.at > this.limits.rescanMs) {
      this.scan = { key, at: t, files: findDockerfiles(roots, this.limits) };
    }
    return this.scan.files;
  }

  private async load(path: string): Promise<DockerfileModel | undefined> {
    try {
      const info = await stat(path);
      if (info.size > this.limits.maxBytes) return undefined;
      const stamp = `${info.mtimeMs}:${info.size}`;
      const cached = this.models.get(path);
      if (cached?.stamp === stamp) return cached.model;
      const model = buildModel(await readFile(path, 'utf8'), { uri: pathToUri(path) });
      this.models.set(path, { stamp, model });
      return model;
    } catch {
      return undefined;
    }
  }
}
