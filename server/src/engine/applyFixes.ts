/**
 * Applies fixes the way `--fix` and `source.fixAll` need: non-overlapping fixes in document order, then re-lint
 * and repeat so fixes that touch the same lines still all land. Safe fixes only by default.
 *
 * With `unsafe`, a pass applies unsafe fixes only once no safe fix is left, and those of one rule only. An unsafe fix
 * is computed from what the whole file means (which stage is reachable, what a name refers to), so two of different
 * rules can each be right and wrong together: correcting `--from=buildr` to `builder` makes the stage `builder`
 * reachable, while no-unreachable-stage, judged before the correction, removes it. The re-lint between passes
 * decides each one on the file the one before produced. The most severe problem's rule goes first: an error often
 * means the file says something other than what was meant (a misspelt name), and the rules of lesser severity
 * (an unreachable stage is a hint) should judge what was meant.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { severityRank } from '../../../shared/src/ruleTypes';
import { lint, type LintOptions } from './lint';
import type { FileCreation, Fix, Problem } from './problem';

export interface ApplyFixesOptions extends LintOptions {
  /** Also apply unsafe fixes (CLI `--unsafe-fixes`). */
  readonly unsafe?: boolean;
  /** Only fix problems of these rules. */
  readonly ruleIds?: readonly string[];
  /** Default: 10, and one more for each rule whose unsafe fixes get a pass of their own. */
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

interface Candidate {
  readonly ruleId: string;
  readonly fix: Fix;
}

/**
 * The fixes a pass may apply, before overlap is checked: every problem's safe fix; when there is none and unsafe
 * fixes are allowed, the unsafe fixes of one rule: that of the most severe problem with one (the first in document
 * order among equals).
 */
function candidates(problems: readonly Problem[], options: ApplyFixesOptions): Candidate[] {
  const wanted = problems.filter((p) => !options.ruleIds || options.ruleIds.includes(p.ruleId));
  const applicable = (fix: Fix) => fix.edits.length > 0 || (fix.createFiles?.length ?? 0) > 0;
  const safe = wanted.flatMap((p) => {
    const fix = p.fixes.find((f) => f.safety === 'safe');
    return fix && applicable(fix) ? [{ ruleId: p.ruleId, fix }] : [];
  });
  if (safe.length > 0 || options.unsafe !== true) return safe;
  const unsafe = wanted.flatMap((p) => {
    const fix = p.fixes.find(applicable);
    return fix ? [{ ruleId: p.ruleId, severity: severityRank(p.severity), fix }] : [];
  });
  const first = unsafe.reduce<(typeof unsafe)[number] | undefined>((a, c) => (!a || c.severity > a.severity ? c : a), undefined);
  return unsafe.filter((c) => c.ruleId === first?.ruleId);
}

/** Whether `fix` is one edit that inserts text and replaces nothing. */
function isInsertion(fix: Fix): boolean {
  const [edit] = fix.edits;
  return fix.edits.length === 1 && edit !== undefined && edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
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
  const unsafePasses = new Set<string>();
  let remaining = lint(output, options).problems;
  while (passes < (options.maxPasses ?? (10 + unsafePasses.size))) {
    const doc = TextDocument.create('file:///fix', 'dockerfile', 0, output);
    const chosen: { ruleId: string; start: number; end: number; fix: Fix }[] = [];
    for (const { ruleId, fix } of candidates(remaining, options)) {
      if (fix.safety === 'unsafe') unsafePasses.add(ruleId);
      const offsets = fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const);
      const start = Math.min(...offsets.map((o) => o[0]), Number.MAX_SAFE_INTEGER);
      const end = Math.max(...offsets.map((o) => o[1]), -1);
      // Conservative: touching edits wait for the next pass too, so their relative order is never ambiguous. Except
      // one rule's insertions at one point (global-arg-scope declaring eleven ARGs below one FROM): they go in
      // together, in document order, instead of one per pass, which ran out of passes.
      const conflicts = (c: (typeof chosen)[number]) =>
        start <= c.end && c.start <= end && !(c.ruleId === ruleId && c.start === start && isInsertion(c.fix) && isInsertion(fix));
      if (fix.edits.length > 0 && chosen.some(conflicts)) continue;
      chosen.push({ ruleId, start, end, fix });
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
