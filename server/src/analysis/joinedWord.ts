/**
 * One word of an instruction read across its line continuations, with the way back from the joined text to the
 * document:
 *
 *     RUN --mount=type=bind,\
 *     from=builder,target=/src make
 *
 * BuildKit joins the lines before it splits words (a continuation line starts the word again when it has no
 * leading blank), so a word may be split anywhere. A part of it (a flag option, a variable in a FROM image) is not
 * at the word's start plus its offset: the continuation's characters lie in between.
 *
 * Works from the document and the word's range alone: inside one word every line break is a continuation, so the
 * character before it (and the blanks after that) is the escape character, whichever it is. The model builder uses
 * it before the model (and the escape directive it reads) exists.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { isSkippedLine } from './logicalLine';

export interface JoinedWord {
  /** The word as BuildKit reads it: continuations and the blank and comment lines inside them removed. */
  readonly text: string;
  /** The document range of `text`'s characters `start` to `end` (exclusive). */
  rangeOf(start: number, end: number): Range;
}

/** One continuation: the escape character, blanks after it, the line break (sticky: matched where `lastIndex` is). */
const CONTINUATION = /[^\s][ \t]*\r?\n/y;

/** Where the match of the sticky `pattern` at `index` of `text` ends; -1 when it does not match there. */
function matchEnd(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** The word at `range` of `document`, joined. */
export function joinedWord(document: TextDocument, range: Range): JoinedWord {
  const raw = document.getText(range);
  const base = document.offsetAt(range.start);
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const continued = matchEnd(CONTINUATION, raw, i);
    if (continued >= 0) {
      i = continued;
      // Blank and comment lines inside the continuation are dropped, as logicalLine.ts drops them.
      for (let end = raw.indexOf('\n', i); end >= 0 && isSkippedLine(raw.slice(i, end)); end = raw.indexOf('\n', i)) i = end + 1;
      continue;
    }
    text += raw[i];
    offsets.push(base + i);
    i++;
  }
  // Just after character `index`: an end position never takes in the continuation that follows it.
  const after = (index: number) => (index < 0 ? range.start : document.positionAt(offsets[index]! + 1));
  const at = (index: number) => (index < offsets.length ? document.positionAt(offsets[index]!) : after(offsets.length - 1));
  return {
    text,
    rangeOf(start, end) {
      const from = at(start);
      return { start: from, end: end > start ? after(Math.min(end, offsets.length) - 1) : from };
    },
  };
}

/**
 * The range of characters `start` to `end` of `text`, the word at `range` as the parser joined it. Column arithmetic
 * when the word is on one line; through `joinedWord` when a continuation splits it (`FROM node:$\<newline>{VERSION}`); the
 * whole word when its joined text is not `text` (there is no sure way to place the part then).
 */
export function partRange(document: TextDocument, range: Range, text: string, start: number, end: number): Range {
  if (range.start.line === range.end.line) {
    const { line, character } = range.start;
    return { start: { line, character: character + start }, end: { line, character: character + end } };
  }
  const word = joinedWord(document, range);
  return word.text === text ? word.rangeOf(start, end) : range;
}
