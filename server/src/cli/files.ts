/**
 * Turns the command's paths into the list of Dockerfiles to lint, in a stable order:
 * - a file is linted whatever its name (the user asked for it), even if `ignorePatterns` match it (as Ruff);
 * - a folder is searched recursively for Dockerfile-like names, skipping `node_modules`, `.git` and whatever the
 *   applicable config's `ignorePatterns` exclude; symbolic links to folders are not followed (no cycles);
 * - a path that does not exist but contains `*`, `?` or `[` is a glob (for shells that do not expand it).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from '../engine/glob';
import type { ConfigLoader } from './configLoader';
import { CliError, describeIoError } from './errors';

export interface TargetFile {
  /** The path as the user gave it (or joined onto the folder they gave): what reports show. */
  readonly display: string;
  readonly absolutePath: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** `Dockerfile.*` also matches files that are not Dockerfiles. */
const NOT_DOCKERFILE = /\.(dockerignore|md|orig|rej|swp|bak)$|~$/i;

export function isDockerfileName(name: string): boolean {
  if (NOT_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /.\.[Dd]ockerfile$/.test(name);
}

export function discoverFiles(paths: readonly string[], cwd: string, configs: ConfigLoader): TargetFile[] {
  const out: TargetFile[] = [];
  const seen = new Set<string>();
  const add = (display: string, absolutePath: string) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    out.push({ display, absolutePath });
  };
  for (const given of paths) {
    const absolutePath = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(absolutePath);
    } catch (e) {
      if (/[*?[]/.test(given)) {
        const matches = expandGlob(given, cwd, configs);
        if (matches.length === 0) throw new CliError(`${given}: no files match this pattern`);
        for (const f of matches) add(f.display, f.absolutePath);
        continue;
      }
      throw new CliError(`${given}: ${describeIoError(e)}`);
    }
    if (stat.isDirectory()) {
      for (const rel of walk(absolutePath, configs)) add(join(given, rel), join(absolutePath, rel));
    } else add(given, absolutePath);
  }
  return out;
}

/** Dockerfiles below `root`, as paths relative to it, sorted by name at every level. */
function walk(root: string, configs: ConfigLoader, match: (rel: string) => boolean = (rel) => isDockerfileName(rel.slice(rel.lastIndexOf(sep) + 1))): string[] {
  const found: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new CliError(`${dir}: ${describeIoError(e)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const config = configs.forDir(dir);
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const childRel = rel ? join(rel, entry.name) : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files only: a link to a folder could loop.
        try {
          isFile = statSync(abs).isFile();
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || config.ignores(abs, true)) continue;
        visit(abs, childRel);
      } else if (isFile && match(childRel) && !config.ignores(abs, false)) found.push(childRel);
    }
  };
  visit(root, '');
  return found;
}

function expandGlob(pattern: string, cwd: string, configs: ConfigLoader): TargetFile[] {
  const normalized = pattern.split(/[\\/]/).join('/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
  const base = segments.slice(0, firstGlob).join('/') || (isAbsolute(normalized) ? '/' : '.');
  const baseAbs = resolve(cwd, base);
  const rest = globToRegExp(segments.slice(firstGlob).join('/'));
  try {
    if (!statSync(baseAbs).isDirectory()) return [];
  } catch {
    return [];
  }
  return walk(baseAbs, configs, (rel) => rest.test(rel.split(sep).join('/'))).map((rel) => ({
    display: base === '.' && !normalized.startsWith('./') ? rel : join(base, rel),
    absolutePath: join(baseAbs, rel),
  }));
}

/** The path of `absolutePath` relative to `cwd` with `/` separators, or undefined when it lies outside. */
export function relativeToCwd(absolutePath: string, cwd: string): string | undefined {
  const rel = relative(cwd, absolutePath);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
