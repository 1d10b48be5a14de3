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
import { ScratchList } from './scratchList';

export interface MappedSource {
  /** The text the shell sees. */
  readonly s: string;
  /** Document offset of `s[i]`, for `0 <= i < s.length`. */
  offset(i: number): number;
  /** Document offset just after the last character (the end of the last word). */
  readonly end: number;
}

/**
 * A map of one document offset per character (strings decoded from quotes: `sh -c '…'`, JSON form), where
 * neighbouring characters need not be neighbours in the document.
 */
export class OffsetMappedSource implements MappedSource {
  constructor(
    readonly s: string,
    private readonly offsets: ArrayLike<number>,
    readonly end: number,
  ) {}

  offset(i: number): number {
    return this.offsets[i] ?? 0;
  }
}

/**
 * A text made of runs copied from the document (the lines of an instruction, joined): one entry per run, not
 * per character. `runs` holds, for each run, the index in `s` where it starts and its document offset.
 */
class RunMappedSource implements MappedSource {
  /** The run of the last lookup: offsets are mostly asked in increasing order. */
  private hint = 0;

  constructor(
    readonly s: string,
    private readonly runs: readonly number[],
    readonly end: number,
  ) {}

  offset(i: number): number {
    const runs = this.runs;
    let k = this.hint;
    if (runs[2 * k]! > i) k = 0;
    while (2 * k + 2 < runs.length && runs[2 * k + 2]! <= i) k++;
    this.hint = k;
    return runs[2 * k + 1]! + (i - runs[2 * k]!);
  }
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
  return new RunMappedSource(s, [0, start], start + s.length);
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
  // An inverted region is read as the empty one at `start`, as `parseShell` clamps it.
  if (end < start) end = start;
  let s = '';
  // Pairs (index in `s`, document offset) where a copied run starts; a run continuing the previous one in the
  // document (the line after a kept newline) extends it. Collected in a list reused by every call, then copied.
  const runs = runStarts;
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
    // A line that does not continue keeps its newline (the region may hold several logical lines).
    const keepEnd = cont >= 0 ? cont : lineEnd < end ? lineEnd + 1 : lineEnd;
    if (keepEnd > lineStart) {
      const n = runs.length;
      if (n === 0 || runs.at(n - 1)! + (s.length - runs.at(n - 2)!) !== lineStart) {
        runs.push(s.length);
        runs.push(lineStart);
      }
      // One slice for a region of one line; joined lines are concatenated (flattened once, when first read).
      s = s.length === 0 ? text.slice(lineStart, keepEnd) : s + text.slice(lineStart, keepEnd);
    }
    continuing = cont >= 0;
    lineStart = lineEnd + 1;
  }
  if (runs.length === 0) {
    runs.push(0);
    runs.push(start);
  }
  const map = runs.copy();
  runs.clear();
  return new RunMappedSource(s, map, trimmedEnd(text, start, end, escape));
}

/** The run list of `dockerfileSource` (which calls nothing that calls it), copied out at its exact size. */
const runStarts = new ScratchList<number>();

/** End offset of the region without a dangling escape or trailing blanks (for the end of the last word). */
function trimmedEnd(text: string, start: number, end: number, escape: number): number {
  let j = end;
  while (j > start && (isBlank(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === Ch.Lf)) j--;
  if (j > start && text.charCodeAt(j - 1) === escape) j--;
  return j;
}

/** Document offset of logical index `i` (clamped). */
export function offsetAt(src: MappedSource, i: number): number {
  if (i <= 0) return src.s.length > 0 ? src.offset(0) : src.end;
  if (i >= src.s.length) return src.end;
  return src.offset(i);
}

/**
 * Document offset just after logical index `i - 1`: the end of a token whose last character is `s[i-1]`.
 * Unlike `offsetAt(i)` this does not jump over a removed continuation to the next line.
 */
export function endOffsetAt(src: MappedSource, i: number): number {
  if (i <= 0) return src.s.length > 0 ? src.offset(0) : src.end;
  if (i > src.s.length) return src.end;
  return src.offset(i - 1) + 1;
}
