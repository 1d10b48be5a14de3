/**
 * Applies fixes the way `--fix` and `source.fixAll` need: non-overlapping fixes in document order, then re-lint
 * and repeat (up to 10 passes) so fixes that touch the same lines still all land. Safe fixes only by default.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { lint, type LintOptions } from './lint';
import type { FileCreation, Fix, Problem } from './problem';

export interface ApplyFixesOptions extends LintOptions {
  /** Also apply unsafe fixes (CLI `--unsafe-fixes`). */
  readonly unsafe?: boolean;
  /** Only fix problems of these rules. */
  readonly ruleIds?: readonly string[];
  readonly maxPasses?: number;
}

export interface ApplyFixesResult {
  readonly output: string;
  readonly fixed: number;
  readonly passes: number;
  readonly createdFiles: readonly FileCreation[];
  /** Problems left after the last pass. */
  readonly remaining: readonly Problem[];
}

function chooseFix(problem: Problem, unsafe: boolean): Fix | undefined {
  return problem.fixes.find((f) => f.safety === 'safe' || unsafe);
}

/** Applies one set of edits to `text` (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///fix', 'dockerfile', 0, text), [...edits]);
}

export function applyFixes(text: string, options: ApplyFixesOptions = {}): ApplyFixesResult {
  let output = text;
  let fixed = 0;
  let passes = 0;
  const createdFiles: FileCreation[] = [];
  const maxPasses = options.maxPasses ?? 10;
  let remaining = lint(output, options).problems;
  while (passes < maxPasses) {
    const doc = TextDocument.create('file:///fix', 'dockerfile', 0, output);
    const chosen: { start: number; end: number; fix: Fix }[] = [];
    for (const problem of remaining) {
      if (options.ruleIds && !options.ruleIds.includes(problem.ruleId)) continue;
      const fix = chooseFix(problem, options.unsafe === true);
      if (!fix) continue;
      if (fix.edits.length === 0 && !fix.createFiles?.length) continue;
      const offsets = fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const);
      const start = Math.min(...offsets.map((o) => o[0]), Number.MAX_SAFE_INTEGER);
      const end = Math.max(...offsets.map((o) => o[1]), -1);
      // Conservative: touching edits wait for the next pass too, so their relative order is never ambiguous.
      if (fix.edits.length > 0 && chosen.some((c) => start <= c.end && c.start <= end)) continue;
      chosen.push({ start, end, fix });
    }
    if (chosen.length === 0) break;
    passes++;
    const edits = chosen.flatMap((c) => c.fix.edits);
    for (const c of chosen) {
      for (const f of c.fix.createFiles ?? []) if (!createdFiles.some((g) => g.path === f.path)) createdFiles.push(f);
    }
    // A created .dockerignore is part of the result: later passes must see it.
    const ignore = createdFiles.find((f) => f.path === '.dockerignore');
    if (ignore) options = { ...options, files: { ...options.files, dockerignore: { path: ignore.path, content: ignore.content } } };
    output = applyEdits(output, edits);
    fixed += chosen.length;
    remaining = lint(output, options).problems;
  }
  return { output, fixed, passes, createdFiles, remaining };
}
