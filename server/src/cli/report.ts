/** What the CLI found for each file, the input of every formatter. */
import type { AnyRule } from '../engine/defineRule';
import type { Problem } from '../engine/problem';

export interface FileReport {
  /** The path as given on the command line (or joined onto the given folder); `<stdin>` for unnamed input. */
  readonly file: string;
  /** Undefined for standard input without --stdin-filename. */
  readonly absolutePath: string | undefined;
  /** Problems left (after fixing, with --fix), sorted by position. */
  readonly problems: readonly Problem[];
  /** Number of fixes applied (0 without --fix). */
  readonly fixed: number;
}

export interface ReportContext {
  readonly reports: readonly FileReport[];
  /** The whole registry (SARIF describes every rule, whether or not it ran). */
  readonly rules: readonly AnyRule[];
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  readonly fixApplied: boolean;
  readonly unsafeFixesApplied: boolean;
}

export interface FixableCounts {
  /** Problems `--fix` would fix. */
  readonly safe: number;
  /** Problems only `--fix --unsafe-fixes` would fix. */
  readonly unsafeOnly: number;
}

export function fixableCounts(reports: readonly FileReport[]): FixableCounts {
  let safe = 0;
  let unsafeOnly = 0;
  for (const r of reports) {
    for (const p of r.problems) {
      if (p.fixes.some((f) => f.safety === 'safe')) safe++;
      else if (p.fixes.length > 0) unsafeOnly++;
    }
  }
  return { safe, unsafeOnly };
}

/** The Ruff-style hint about fixes that exist but were not applied; undefined when there is nothing to say. */
export function unsafeFixHint(counts: FixableCounts, unsafeFixesApplied: boolean): string | undefined {
  if (unsafeFixesApplied || counts.unsafeOnly === 0) return undefined;
  const n = counts.unsafeOnly;
  return `${n} ${n === 1 ? 'problem has an unsafe fix' : 'problems have unsafe fixes'} (not applied): review and apply with \`--fix --unsafe-fixes\``;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
