/**
 * Programmatic API (`dist/api.js`) for embedding and benchmarks:
 *   const { lint } = require('stagelint/dist/api.js');
 *   lint(text, { rules: { 'no-latest-tag': 'off' } }).problems
 */
import type { ConfigFile, SeverityOrOff } from '../../shared/src';
import { applyFixes as applyFixesToText } from './engine/applyFixes';
import { lint as lintText } from './engine/lint';
import type { FileFacts } from './engine/fileFacts';
import type { Problem } from './engine/problem';
import { allRules } from './rules';

export interface ApiOptions {
  /** Severity overrides by rule id (`off` disables). */
  readonly rules?: Readonly<Record<string, SeverityOrOff>>;
  /** A parsed `.stagelint.json`. */
  readonly config?: ConfigFile;
  readonly targets?: readonly string[];
  readonly files?: FileFacts;
  readonly uri?: string;
}

/** API options → engine options, shared by `lint` and `fix` so both see the same rules and targets. */
function engineOptions(options: ApiOptions) {
  return {
    ...(options.uri ? { uri: options.uri } : {}),
    config: { ...(options.config ? { file: options.config } : {}), ...(options.rules ? { cli: options.rules } : {}) },
    targets: [...(options.config?.targets ?? []), ...(options.targets ?? [])],
    files: options.files ?? {},
  };
}

export function lint(text: string, options: ApiOptions = {}): { problems: readonly Problem[] } {
  return { problems: lintText(text, engineOptions(options)).problems };
}

export function fix(text: string, options: ApiOptions & { unsafe?: boolean } = {}): { output: string; fixed: number } {
  const result = applyFixesToText(text, { ...engineOptions(options), unsafe: options.unsafe === true });
  return { output: result.output, fixed: result.fixed };
}

export const rules = allRules.map((r) => ({ id: r.id, ...r.meta }));
export type { Problem };
