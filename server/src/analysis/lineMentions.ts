/**
 * Which document lines contain a given text, found once per lint with `indexOf` over the whole file. Rules that
 * only care about instructions containing a name (`global-arg-scope`: a global ARG's name) or a character
 * (`no-inline-comment`: `#`) ask `mentions` per instruction instead of reading every instruction's lines.
 */
import type { DockerfileModel, Instr } from './model';

/** The document lines on which one of `needles` is written (anywhere: in a word, a comment, a heredoc body), sorted. */
export function linesContaining(model: DockerfileModel, needles: Iterable<string>): number[] {
  const lines = new Set<number>();
  for (const needle of needles) {
    if (needle === '') continue;
    for (let at = model.text.indexOf(needle); at >= 0; at = model.text.indexOf(needle, at + 1)) {
      lines.add(model.document.positionAt(at).line);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

/** Whether a line of `instr` (continuation lines and heredoc bodies included) is in the sorted `lines`. */
export function mentions(lines: readonly number[], instr: Instr): boolean {
  let last = instr.range.end.line;
  for (const heredoc of instr.heredocs) if (heredoc.contentRange && heredoc.contentRange.end.line > last) last = heredoc.contentRange.end.line;
  // The first listed line at or after the instruction's first line.
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < instr.range.start.line) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]! <= last;
}
