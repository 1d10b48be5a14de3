/**
 * Word scanning for `syntaxIssues` over an instruction's logical line, as `splitWords` splits it (quotes group
 * blanks, the escape character protects the next character) but by offsets, without making word strings.
 *
 * `headSettles` answers, from the instruction's first physical line alone, whether the checks that only count
 * words can have nothing to report: most RUN, COPY, WORKDIR, … instructions show their flags and first arguments
 * on that line, and joining the continuation lines of every RUN only to see that was most of the syntax check.
 */
import { endsWithContinuation, lineTextAt, trimmedLength } from './logicalLine';
import type { DockerfileModel, Instr } from './model';

/** First offset from `at` that is not a blank (BuildKit's word separators are space and tab), at most `text.length`. */
export function skipBlanks(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(i)) i++;
  return Math.min(i, text.length);
}

/** End of the word starting at `start` (`text.length` when it runs to the end), with the quoting of `splitWords`. */
export function wordEnd(text: string, esc: string, start: number): number {
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === esc && quote === '"' && i + 1 < text.length) i++;
      else if (c === quote) quote = undefined;
    } else if (c === esc && i + 1 < text.length) {
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' || c === '\t') {
      return i;
    }
  }
  return text.length;
}

/**
 * True when the first physical line of `instr` shows, before its end (or its continuation marker), every flag
 * (as many as `instr.flags` holds) and the start of `words` argument words, the first of them plainly not JSON
 * form. Then the logical line has at least that many arguments after exactly those flags whatever the
 * continuation lines hold. False when it cannot tell (a word or the flags run into the next line).
 */
export function headSettles(model: DockerfileModel, instr: Instr, words: number): boolean {
  const line = instr.range.start.line;
  if (instr.keywordRange.end.line !== line) return false;
  const text = lineTextAt(model, line);
  // What the joined logical line starts with: this line up to its continuation marker.
  const end = trimmedLength(text) - (endsWithContinuation(text, model.escapeChar) ? 1 : 0);
  const head = end < text.length ? text.slice(0, Math.max(0, end)) : text;
  const esc = model.escapeChar;
  let at = skipBlanks(head, instr.keywordRange.end.character);
  let flags = 0;
  // Each word must end before the end of the line: a word that reaches it may go on in the next line.
  while (at + 1 < head.length && head.startsWith('--', at)) {
    const wordStop = wordEnd(head, esc, at);
    if (wordStop >= head.length) return false;
    const bare = wordStop - at === 2;
    at = skipBlanks(head, wordStop);
    if (bare) break;
    flags++;
  }
  // A first argument that could still become a flag (`-` then `-mount` on the next line) or JSON is not settled.
  if (at + 1 >= head.length || flags !== instr.flags.length) return false;
  const first = head.charCodeAt(at);
  if (first <= 32 || first >= 127 || first === 91 /* [ */ || head.startsWith('--', at)) return false;
  for (let seen = 1; seen < words; seen++) {
    const wordStop = wordEnd(head, esc, at);
    if (wordStop >= head.length) return false;
    at = skipBlanks(head, wordStop);
    if (at >= head.length) return false;
  }
  return true;
}
