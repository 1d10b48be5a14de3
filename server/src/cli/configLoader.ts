/**
 * Finds and loads the `.stagelint.json` that applies to a Dockerfile: the one given with --config, else the
 * nearest one walking up from the file's folder, stopping at the repository root (a folder with `.git`) so a
 * stray config above the project never applies. Parsing and validation are the engine's (engine/configFile.ts,
 * shared with the editor); here we only touch the disk and cache per folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAME, type ConfigFile } from '../../../shared/src/config';
import { formatConfigProblem, parseConfigText } from '../engine/configFile';
import type { AnyRule } from '../engine/defineRule';
import { compilePatterns, isIgnored } from '../engine/glob';
import { CliError, describeIoError } from './errors';

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none applies (defaults). */
  readonly path: string | undefined;
  /** Folder that `ignorePatterns` are relative to. */
  readonly dir: string;
  readonly config: ConfigFile;
  /** Whether `absolutePath` is excluded by this config's `ignorePatterns`. */
  ignores(absolutePath: string, isDirectory: boolean): boolean;
}

export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig | null>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly explicit: LoadedConfig | undefined;

  /** `explicitConfig` (from --config) is an absolute path. */
  constructor(private readonly rules: readonly AnyRule[], private readonly displayPath: (abs: string) => string, explicitConfig?: string) {
    if (explicitConfig !== undefined) this.explicit = this.load(explicitConfig, displayPath(explicitConfig));
  }

  /** The config for files in folder `dir` (absolute). */
  forDir(dir: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    return this.lookup(dir) ?? defaults(dir);
  }

  private lookup(dir: string): LoadedConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    const candidate = join(dir, CONFIG_FILE_NAME);
    let found: LoadedConfig | null;
    if (existsSync(candidate)) found = this.load(candidate, this.displayPath(candidate));
    else if (existsSync(join(dir, '.git')) || dirname(dir) === dir) found = null;
    else found = this.lookup(dirname(dir));
    this.byDir.set(dir, found);
    return found;
  }

  private load(absolutePath: string, shownAs: string): LoadedConfig {
    const cached = this.byFile.get(absolutePath);
    if (cached) return cached;
    let text: string;
    try {
      text = readFileSync(absolutePath, 'utf8');
    } catch (e) {
      throw new CliError(`${shownAs}: ${describeIoError(e)}`);
    }
    const parsed = parseConfigText(text, this.rules);
    if (parsed.problems.length > 0) {
      const lines = parsed.problems.map((p) => formatConfigProblem(shownAs, p));
      throw new CliError(lines[0]!, lines.slice(1));
    }
    const loaded = withIgnores(absolutePath, dirname(absolutePath), parsed.config);
    this.byFile.set(absolutePath, loaded);
    return loaded;
  }
}

function defaults(dir: string): LoadedConfig {
  return withIgnores(undefined, dir, {});
}

function withIgnores(path: string | undefined, dir: string, config: ConfigFile): LoadedConfig {
  const patterns = compilePatterns(config.ignorePatterns ?? []);
  return {
    path,
    dir,
    config,
    ignores(absolutePath, isDirectory) {
      if (patterns.length === 0) return false;
      const rel = relative(dir, absolutePath);
      // Files outside the config's folder (possible with --config) are never ignored by it.
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
      return isIgnored(rel.split(sep).join('/'), patterns, isDirectory);
    },
  };
}
