/**
 * dockerfile-ast's `Instruction.getRawArguments()`, computed the same way but in one cheap pass: the same state
 * machine over the same text, giving the same argument values and ranges (test/analysis/astParser.test.ts pins
 * the equality against dockerfile-ast itself). The original appends each argument one character at a time (a V8
 * cons-string per character) and maps every offset through `TextDocument.positionAt` with validated
 * `Range.create`; here values are cut from the text in runs and positions come from the document's line table,
 * searched from the previous position (arguments come in document order).
 */
import { Argument } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

// Read once: every access to an imported name goes through the bundler's module getters.
const ArgumentClass = Argument;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const DOLLAR = 36;

/**
 * The line start offsets `document` keeps for its own `positionAt`/`offsetAt` (vscode-languageserver-textdocument
 * 1.0.12 computes them once, behind `getLineOffsets()`): the finder reads the same table instead of building a
 * second one per text.
 */
export function lineOffsetsOf(document: TextDocument): readonly number[] {
  return (document as unknown as { getLineOffsets(): readonly number[] }).getLineOffsets();
}

/** `TextDocument.positionAt` over the document's line table, searched from the previous answer. */
export class PositionFinder {
  private line = 0;

  constructor(private readonly text: string, private readonly lineOffsets: readonly number[]) {}

  positionAt(offset: number): Position {
    const text = this.text;
    const offsets = this.lineOffsets;
    if (offset > text.length) offset = text.length;
    if (offset < 0) offset = 0;
    // Callers ask in document order, so the last answer's line (or the next) usually holds the offset.
    let line = this.line;
    if (offsets[line]! > offset || (line + 1 < offsets.length && offsets[line + 1]! <= offset)) {
      line++;
      if (line >= offsets.length || offsets[line]! > offset || (line + 1 < offsets.length && offsets[line + 1]! <= offset)) {
        line = lineOf(offsets, offset);
      }
    }
    this.line = line;
    const lineStart = offsets[line]!;
    // TextDocument never places a position between `\r` and `\n` (or after a line break on its own line).
    while (offset > lineStart && isEol(text.charCodeAt(offset - 1))) offset--;
    return { line, character: offset - lineStart };
  }
}

/** The last line whose start is at or before `offset` (binary search, as TextDocument does). */
function lineOf(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function isEol(c: number): boolean {
  return c === CR || c === LF;
}

/**
 * The arguments of the instruction spanning `[lineStart, lineEnd)` in `document` whose keyword ends at
 * `keywordEnd` (offsets), as `getRawArguments()` returns them.
 */
export function rawArguments(
  text: string, positions: PositionFinder, keywordStart: number, keywordEnd: number, lineStart: number, lineEnd: number, escapeChar: string,
): Argument[] {
  const args: Argument[] = [];
  const extra = keywordEnd - keywordStart;
  const content = text.substring(lineStart, lineEnd);
  const s = content.substring(extra);
  const offset = keywordStart + extra;
  const n = s.length;
  const esc = escapeChar.charCodeAt(0);

  // The argument being read: `value` plus the pending run s[runStart, runEnd) not yet appended to it.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const append = (index: number, length: number) => {
    if (runEnd === index) {
      runEnd += length;
      return;
    }
    if (runStart !== -1) value += s.slice(runStart, runEnd);
    runStart = index;
    runEnd = index + length;
  };
  const push = (from: number, to: number) => {
    const text = runStart === -1 ? value : value + s.slice(runStart, runEnd);
    const range: Range = { start: positions.positionAt(offset + from), end: positions.positionAt(offset + to) };
    args.push(new ArgumentClass(text, range));
    value = '';
    runStart = -1;
    runEnd = -1;
  };

  let start = false;
  let comment = false;
  let found = -1;
  // A blank that belongs to an escaped line break was seen.
  let escapedWhitespaceDetected = false;
  // Inside an escaped line break.
  let escaping = false;
  let escapeMarker = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === LF) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (c === CR || c === LF) {
          // A line break: blanks seen before it do not count.
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(found, escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (c === esc) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        whitespaceCheck: for (let j = i + 2; j < n; j++) {
          switch (s.charCodeAt(j)) {
            case SPACE:
            case TAB:
              continue;
            case CR:
            case LF:
              // dockerfile-ast steps over the character after a `\r` whatever it is (the `\n` of a `\r\n`).
              if (s.charCodeAt(j) === CR) j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(found, escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === DOLLAR) append(i, 2);
        else if (next === -1) break;
        else append(i + 1, 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(found, escapeMarker);
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        append(i, 1);
        if (found === -1) found = i;
      }
      start = false;
    }
  }
  if (found !== -1) push(found, escapeMarker === -1 ? n : escapeMarker);
  return args;
}
