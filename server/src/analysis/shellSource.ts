/**
 * The text a shell actually receives, with a map back to document offsets.
 *
 * A shell-form RUN is not handed to `/bin/sh` as written: BuildKit first joins continuation lines (the escape
 * character, optional trailing blanks, the newline) and drops comment lines and blank lines inside the
 * continuation. The shell then sees one logical line. We reproduce that pre-pass so that, for example, a
 * `# comment` at the end of a continued line comments out the rest of the logical line exactly as it does in a
 * real build, and keep for every character of the logical text its offset in the document, so that findings
 * can be reported on the exact characters the user wrote.
 */

export interface MappedSource {
  /** The text the shell sees. */
  readonly s: string;
  /** `map[i]` is the document offset of `s[i]`; `map[s.length]` is the offset just after the last character. */
  readonly map: ArrayLike<number>;
}

export type EscapeChar = '\\' | '`';

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Hash = 35,
}

function isBlank(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.Cr;
}

/** Identity mapping of `text[start, end)` (heredoc bodies, plain shell strings). */
export function plainSource(text: string, start: number, end: number): MappedSource {
  const s = text.slice(start, end);
  const map: number[] = [];
  for (let i = 0; i <= s.length; i++) map.push(start + i);
  return { s, map };
}

/**
 * Where the line `text[lineStart, lineEnd)` continues the instruction: the offset of its trailing escape
 * character, or -1. Mirrors BuildKit's `([^\\])\\[ \t]*$|^\\[ \t]*$`: the escape character as the last
 * non-blank character, not itself preceded by an escape character (`echo \\` ends the instruction).
 */
export function continuationAt(text: string, lineStart: number, lineEnd: number, escape: number): number {
  let j = lineEnd - 1;
  while (j >= lineStart && isBlank(text.charCodeAt(j))) j--;
  if (j < lineStart || text.charCodeAt(j) !== escape) return -1;
  return j === lineStart || text.charCodeAt(j - 1) !== escape ? j : -1;
}

/** True for a line that is empty, blank, or a `#` comment: BuildKit skips those inside a continuation. */
function isSkippableLine(text: string, lineStart: number, lineEnd: number): boolean {
  let j = lineStart;
  while (j < lineEnd && isBlank(text.charCodeAt(j))) j++;
  return j === lineEnd || text.charCodeAt(j) === Ch.Hash;
}

/**
 * The logical shell text of `text[start, end)` as BuildKit builds it for a shell-form instruction. The region
 * is expected to start on the instruction's first line (after the keyword and flags); continuation lines are
 * joined and comment/blank lines inside the continuation are dropped. Everything after a line that does not
 * continue is kept as is (the caller chooses `end`).
 */
export function dockerfileSource(text: string, start: number, end: number, escapeChar: EscapeChar): MappedSource {
  const escape = escapeChar.charCodeAt(0);
  const chars: string[] = [];
  // Filled as the text is built. A plain array of small integers: a typed array per instruction (allocated outside
  // the heap and zero-filled) cost more than the whole scan.
  const map: number[] = [];
  // An inverted region fails or yields nothing, as it did when the map was a typed array of `end - start + 1`.
  if (end < start) {
    if (end < start - 1) throw new RangeError('Invalid typed array length: ' + (end - start + 1));
    return { s: '', map };
  }
  let lineStart = start;
  let continuing = false;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (continuing && isSkippableLine(text, lineStart, lineEnd)) {
      lineStart = lineEnd + 1;
      continue;
    }
    const cont = continuationAt(text, lineStart, lineEnd, escape);
    const keepEnd = cont >= 0 ? cont : lineEnd;
    chars.push(text.slice(lineStart, keepEnd));
    for (let i = lineStart; i < keepEnd; i++) map.push(i);
    if (cont < 0 && lineEnd < end) {
      // A line that does not continue: keep its newline (the region may hold several logical lines).
      chars.push('\n');
      map.push(lineEnd);
    }
    continuing = cont >= 0;
    lineStart = lineEnd + 1;
  }
  const s = chars.join('');
  map.push(trimmedEnd(text, start, end, escape));
  return { s, map };
}

/** End offset of the region without a dangling escape or trailing blanks (for the end of the last word). */
function trimmedEnd(text: string, start: number, end: number, escape: number): number {
  let j = end;
  while (j > start && (isBlank(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === Ch.Lf)) j--;
  if (j > start && text.charCodeAt(j - 1) === escape) j--;
  return j;
}

/** Document offset of logical index `i` (clamped). */
export function offsetAt(src: MappedSource, i: number): number {
  if (i <= 0) return src.map[0] ?? 0;
  if (i >= src.s.length) return src.map[src.s.length] ?? 0;
  return src.map[i] ?? 0;
}

/**
 * Document offset just after logical index `i - 1`: the end of a token whose last character is `s[i-1]`.
 * Unlike `offsetAt(i)` this does not jump over a removed continuation to the next line.
 */
export function endOffsetAt(src: MappedSource, i: number): number {
  if (i <= 0) return src.map[0] ?? 0;
  if (i > src.s.length) return src.map[src.s.length] ?? 0;
  return (src.map[i - 1] ?? 0) + 1;
}
