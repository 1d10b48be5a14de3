/**
 * `headSettles` answers, from the instruction's first physical line alone, whether the checks that only count
 * words can have nothing to report: most RUN, COPY, WORKDIR, … instructions show their flags and first arguments
 * on that line, and joining the continuation lines of every RUN only to see that is work they need not do.
 */
import { lineTextAt, physicalLine, skipBlanks, wordEnd, type PhysicalLine } from './logicalLine';
import type { DockerfileModel, Instr } from './model';

/**
 * True when the first physical line of `instr` shows, before its end (or its continuation marker), every flag
 * (as many as `instr.flags` holds) and the start of `words` argument words, the first of them plainly not JSON
 * form. Then the logical line has at least that many arguments after exactly those flags whatever the
 * continuation lines hold. False when it cannot tell (a word or the flags run into the next line).
 */
export function headSettles(model: DockerfileModel, instr: Instr, words: number): boolean {
  const line = instr.range.start.line;
  if (instr.keywordRange.end.line !== line) return false;
  const esc = model.escapeChar;
  // What the joined logical line starts with: this line up to its continuation marker.
  const keywordLine = physicalLine(line, lineTextAt(model, line), true, esc);
  let head = content(keywordLine);
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
  if (flags !== instr.flags.length) return false;
  // `RUN --mount=… \` with the command on the next line: the flags end with a blank before the marker, so the
  // next line with content starts the arguments (BuildKit drops comment and blank lines in between).
  if (at === head.length && at > instr.keywordRange.end.character && keywordLine.continues && instr.heredocs.length === 0) {
    const next = nextContent(model, instr, line + 1);
    if (next === undefined) return false;
    head = next;
    at = skipBlanks(head, 0);
  }
  // A first argument that could still become a flag (`-` then `-mount` on the next line) or JSON is not settled.
  if (at + 1 >= head.length) return false;
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

/**
 * The content (up to its continuation marker) of the first line from `from` on that adds a non-blank to `instr`'s
 * logical line; undefined when the logical line ends before one does.
 */
function nextContent(model: DockerfileModel, instr: Instr, from: number): string | undefined {
  for (let line = from; line <= instr.range.end.line; line++) {
    const physical = physicalLine(line, lineTextAt(model, line), false, model.escapeChar);
    if (physical.skipped) continue;
    if (skipBlanks(physical.text, 0) < physical.contentEnd) return content(physical);
    if (!physical.continues) return undefined;
  }
  return undefined;
}

/** A physical line's text up to its continuation marker (or its trailing blanks). */
function content(line: PhysicalLine): string {
  return line.contentEnd < line.text.length ? line.text.slice(0, line.contentEnd) : line.text;
}
