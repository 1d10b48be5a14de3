/**
 * Where a given text occurs in the document, found once per lint with `indexOf` over the whole file. Rules that
 * only care about instructions containing a name (`global-arg-scope`: a global ARG's name) or a character
 * (`no-inline-comment`: `#`, `no-undefined-variable`: `$`) ask `mentions` per instruction instead of reading every
 * instruction's lines. Offsets, not lines: a comment-heavy file has thousands of `#`, and working out the line of
 * each cost more than the scans it saved.
 */
import type { DockerfileModel, Instr } from './model';

/** The offsets at which one of `needles` starts in the document's text, sorted. */
export function occurrences(model: DockerfileModel, needles: Iterable<string>): number[] {
  const text = model.text;
  const out: number[] = [];
  let sorted = true;
  for (const needle of needles) {
    if (needle === '') continue;
    // Offsets of a later needle may fall before those of an earlier one.
    if (out.length > 0) sorted = false;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

/**
 * Whether one of the sorted `offsets` starts on a line of `instr` (continuation lines and heredoc bodies
 * included).
 */
export function mentions(model: DockerfileModel, offsets: readonly number[], instr: Instr): boolean {
  let last = instr.range.end.line;
  for (const heredoc of instr.heredocs) if (heredoc.contentRange && heredoc.contentRange.end.line > last) last = heredoc.contentRange.end.line;
  const start = model.document.offsetAt({ line: instr.range.start.line, character: 0 });
  const end = last + 1 < model.document.lineCount ? model.document.offsetAt({ line: last + 1, character: 0 }) : model.text.length + 1;
  // The first offset at or after the instruction's first line.
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo]! < end;
}
