/**
 * The physical lines that make up an instruction's *logical line* — what BuildKit's parser joins before it
 * splits words: the instruction line plus its `\` continuation lines, without heredoc bodies. Comment lines
 * and blank lines inside a continuation are kept but marked, because BuildKit drops them.
 *
 * BuildKit's continuation test is `([^\\])\\[ \t]*$|^\\[ \t]*$` (with the file's escape character): the escape
 * character as the last non-blank character of the line continues the instruction.
 */
import type { Position } from 'vscode-languageserver-types';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr } from './model';

export interface PhysicalLine {
  readonly line: number;
  /** Text of the line without its line break. */
  readonly text: string;
  /** A `#` comment line or a blank line inside the continuation (BuildKit skips both). */
  readonly skipped: boolean;
  /** The line ends with the escape character, so the next line continues the instruction. */
  readonly continues: boolean;
  /** Length of the text before the trailing continuation marker (and the blanks around it). */
  readonly contentEnd: number;
}

/** Text of document line `line` without its line break (`\n` or `\r\n`; a lone `\r` stays, as it always did here). */
export function lineTextAt(model: DockerfileModel, line: number): string {
  const document = model.document;
  const start = document.offsetAt({ line, character: 0 });
  let end = document.offsetAt({ line: line + 1, character: 0 });
  const text = model.text;
  if (end > start && text.charCodeAt(end - 1) === 10) {
    end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
  }
  return text.slice(start, end);
}

/** Length of `text` without its trailing blanks, tabs and carriage returns (what `/[ \t\r]+$/` strips). */
export function trimmedLength(text: string): number {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 32 || c === 9 || c === 13; c = text.charCodeAt(end - 1)) end--;
  return end;
}

/** True when `text` ends with the escape character (not itself escaped by a preceding escape character). */
export function endsWithContinuation(text: string, escapeChar: string): boolean {
  const end = trimmedLength(text);
  if (end === 0 || text[end - 1] !== escapeChar) return false;
  // BuildKit's regex requires the character before the escape to be something other than the escape char.
  return end === 1 || text[end - 2] !== escapeChar;
}

/**
 * Logical lines by instruction: inline comments, syntax checks and both variable scans read them, and an
 * instruction belongs to one model, whose text never changes.
 */
const logicalLinesCache = new ObjectMemo<Instr, readonly PhysicalLine[]>();

/** The physical lines of `instr`'s logical line (heredoc bodies excluded). */
export function logicalLines(model: DockerfileModel, instr: Instr): readonly PhysicalLine[] {
  let lines = logicalLinesCache.get(instr);
  if (!lines) {
    lines = readLogicalLines(model, instr);
    logicalLinesCache.set(instr, lines);
  }
  return lines;
}

function readLogicalLines(model: DockerfileModel, instr: Instr): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const last = instr.range.end.line;
  let continues = true;
  for (let line = instr.range.start.line; line <= last && continues; line++) {
    const physical = physicalLine(line, lineTextAt(model, line), line === instr.range.start.line, model.escapeChar);
    lines.push(physical);
    continues = physical.continues;
  }
  return lines;
}

/**
 * How physical line `line` (its text `text`) counts in an instruction's logical line; `first` is the line holding
 * the keyword, which is never skipped.
 */
export function physicalLine(line: number, text: string, first: boolean, escapeChar: string): PhysicalLine {
  if (!first && isSkippedLine(text)) return { line, text, skipped: true, continues: true, contentEnd: text.length };
  const continues = endsWithContinuation(text, escapeChar);
  return { line, text, skipped: false, continues, contentEnd: contentEndOf(text, continues) };
}

/** Where a line's content ends: before its continuation marker when it continues, else before its trailing blanks. */
export function contentEndOf(text: string, continues: boolean): number {
  return Math.max(0, trimmedLength(text) - (continues ? 1 : 0));
}

/** A blank line or a `#` comment line (after leading white space), which BuildKit skips inside a continuation. */
export function isSkippedLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

export interface JoinedLine {
  /** The logical line as BuildKit joins it (continuation markers and skipped lines removed). */
  readonly text: string;
  /** Document position of an offset in `text` (offsets past the end map to the end of the last line). */
  positionAt(offset: number): Position;
}

export function joinLogicalLine(lines: readonly PhysicalLine[]): JoinedLine {
  const segments: { start: number; line: number; length: number }[] = [];
  let start = 0;
  for (const l of lines) {
    if (l.skipped) continue;
    segments.push({ start, line: l.line, length: l.contentEnd });
    start += l.contentEnd;
  }
  const text = joinedText(lines);
  return {
    text,
    positionAt(offset) {
      let seg = segments[0];
      for (const s of segments) {
        if (s.start <= offset) seg = s;
        else break;
      }
      if (!seg) return { line: 0, character: 0 };
      // An offset at a segment boundary belongs to the next segment's start, except at the very end.
      return { line: seg.line, character: Math.min(offset - seg.start, seg.length) };
    },
  };
}

/** The text of `joinLogicalLine`, without its position index (a single line is one slice). */
export function joinedText(lines: readonly PhysicalLine[]): string {
  if (lines.length === 1 && !lines[0]!.skipped) {
    const only = lines[0]!;
    return only.contentEnd === only.text.length ? only.text : only.text.slice(0, only.contentEnd);
  }
  let text = '';
  for (const l of lines) if (!l.skipped) text += l.text.slice(0, l.contentEnd);
  return text;
}

export interface Word {
  /** The word as written (quotes and escapes kept). */
  readonly raw: string;
  /** Offset of the word in the joined text. */
  readonly start: number;
}

/**
 * Splits a joined logical line into whitespace-separated words the way BuildKit's `parseWords` does: quotes
 * group blanks into one word, and the escape character protects the next character (not inside `'…'`).
 * Only `text` from offset `from` is split; word starts are offsets in `text`.
 */
export function splitWords(text: string, escapeChar: string, from = 0): Word[] {
  const words: Word[] = [];
  for (let start = skipBlanks(text, from); start < text.length; ) {
    const end = wordEnd(text, escapeChar, start);
    words.push({ raw: text.slice(start, end), start });
    start = skipBlanks(text, end);
  }
  return words;
}

/** First offset from `at` that is not a blank (BuildKit's word separators are space and tab), at most `text.length`. */
export function skipBlanks(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(i)) i++;
  return Math.min(i, text.length);
}

/**
 * End of the word starting at `start` (`text.length` when it runs to the end): the first blank outside quotes that
 * the escape character does not protect (it does not inside `'…'`).
 */
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
