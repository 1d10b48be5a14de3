/** The `.stagelint.json` project configuration (ESLint-like). Validated by schemas/stagelint.schema.json. */
import type { SeverityOrOff } from './ruleTypes';

/** `"warning"` or `["warning", { …options }]`. */
export type RuleSetting = SeverityOrOff | readonly [SeverityOrOff] | readonly [SeverityOrOff, Readonly<Record<string, unknown>>];

export type Preset = 'recommended' | 'all';
export const PRESETS: readonly Preset[] = ['recommended', 'all'];

export interface ConfigFile {
  readonly $schema?: string;
  /** Which rules are on before `rules` applies: `recommended` (default) or `all`. */
  readonly extends?: Preset;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Stage names built as targets besides the last stage (their stages count as reachable). */
  readonly targets?: readonly string[];
  /** Glob patterns (relative to the config file) of Dockerfiles not to lint. */
  readonly ignorePatterns?: readonly string[];
}

export const CONFIG_FILE_NAME = '.stagelint.json';
