/**
 * Finds and loads the `.stagelint.json` that applies to a Dockerfile: the nearest one walking up from the
 * Dockerfile's folder, stopping at the workspace folder that contains it (or at the file-system root for files
 * outside every workspace folder). Results are cached until a watched-file event says a config file changed.
 *
 * A malformed or invalid config never breaks linting: the usable part (or nothing) applies, and its problems
 * become diagnostics on the config file itself, mapped from JSON paths to positions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, type ConfigFile } from '../../../shared/src/config';
import { parseConfigText } from '../engine/configFile';
import type { AnyRule } from '../engine/defineRule';
import { compilePatterns, isIgnored } from '../engine/glob';

export interface LoadedConfig {
  readonly path: string;
  readonly uri: string;
  /** The valid part of the file (empty when it could not be parsed). */
  readonly config: ConfigFile;
  /** Problems in the file, positioned in it. */
  readonly diagnostics: readonly Diagnostic[];
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

export class ConfigFiles {
  private readonly locations = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private folders: string[] = [];

  /** `cache: false` for clients that cannot tell us about changed files: then every lookup reads the disk. */
  constructor(private readonly rules: readonly AnyRule[], private readonly cache: boolean) {}

  setWorkspaceFolders(paths: readonly string[]): void {
    // Deepest first, so the innermost folder containing a file bounds the walk.
    this.folders = [...paths].sort((a, b) => b.length - a.length);
    this.locations.clear();
  }

  /** The config applying to the Dockerfile at `documentPath`, or undefined when there is none. */
  forDocument(documentPath: string): LoadedConfig | undefined {
    const configPath = this.find(dirname(documentPath));
    if (!configPath) return undefined;
    let config = this.cache ? this.loaded.get(configPath) : undefined;
    if (!config) {
      config = loadConfigFile(configPath, this.rules);
      if (this.cache) this.loaded.set(configPath, config);
    }
    return config;
  }

  invalidate(): void {
    this.locations.clear();
    this.loaded.clear();
  }

  /**
   * A document was closed: drops the cached lookups of its folder and the folders above it, so the cache holds
   * only the folders of open documents instead of every folder a session ever opened a file in. Open documents
   * that share a folder look it up again on their next lint (one `existsSync` per folder).
   */
  forget(documentPath: string): void {
    const startDir = dirname(documentPath);
    const root = this.rootOf(startDir);
    for (let dir = startDir; this.locations.size > 0; ) {
      this.locations.delete(dir);
      const parent = dirname(dir);
      if (dir === root || parent === dir) break;
      dir = parent;
    }
  }

  /** Cached folder lookups (for tests: 0 once every document is closed). */
  get cachedLocations(): number {
    return this.locations.size;
  }

  private rootOf(startDir: string): string | undefined {
    return this.folders.find((f) => startDir === f || startDir.startsWith(f.endsWith(sep) ? f : f + sep));
  }

  private find(startDir: string): string | undefined {
    const root = this.rootOf(startDir);
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = startDir; ; ) {
      const cached = this.cache ? this.locations.get(dir) : undefined;
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (dir === root || parent === dir) break;
      dir = parent;
    }
    if (this.cache) for (const dir of visited) this.locations.set(dir, found);
    return found ?? undefined;
  }
}

/** Reads, parses and validates one config file. */
function loadConfigFile(path: string, rules: readonly AnyRule[]): LoadedConfig {
  const uri = pathToUri(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const message = `Cannot read ${CONFIG_FILE_NAME} (${(e as Error).message}); the default configuration applies`;
    return { path, uri, config: {}, diagnostics: [configDiagnostic({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, DiagnosticSeverity.Error)] };
  }
  return { path, uri, ...checkConfigText(text, rules) };
}

/** Parses and validates config text (engine/configFile.ts) and turns its problems into diagnostics. */
function checkConfigText(text: string, rules: readonly AnyRule[]): { config: ConfigFile; diagnostics: Diagnostic[] } {
  const parsed = parseConfigText(text, rules);
  const diagnostics = parsed.problems.map((problem) =>
    parsed.syntaxError
      ? configDiagnostic(problem.range, `Invalid JSON: ${problem.message}; the default configuration applies`, DiagnosticSeverity.Error)
      : configDiagnostic(problem.range, `${capitalize(problem.message)}; this entry is ignored`, DiagnosticSeverity.Warning),
  );
  return { config: parsed.config, diagnostics };
}

/** True when `documentPath` matches the config's `ignorePatterns` (relative to the config file's folder). */
export function isIgnoredByConfig(documentPath: string, loaded: LoadedConfig | undefined): boolean {
  const patterns = loaded?.config.ignorePatterns;
  if (!loaded || !patterns || patterns.length === 0) return false;
  const rel = relative(dirname(loaded.path), documentPath).split(sep).join('/');
  return isIgnored(rel, compilePatterns(patterns));
}

function configDiagnostic(range: Diagnostic['range'], message: string, severity: DiagnosticSeverity): Diagnostic {
  return { range, message, severity, source: 'stagelint', code: 'config' };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
