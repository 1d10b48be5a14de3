/**
 * dockerfile-ast's (0.7.1) private scan for where an instruction's arguments end, as the same state machine that
 * skips the characters it does not react to in one regular-expression search instead of reading them one by one
 * (`charAt` and a switch per character were a quarter of a model build). `astParser.ts` installs it on its parser; test/analysis/astParser.test.ts compares the trees with dockerfile-ast's on the corpus,
 * generated Dockerfiles and random texts of the characters the scan reacts to.
 */
import type { Instruction } from 'dockerfile-ast';

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;

/** The parser state the scan reads and the private methods it calls back (dockerfile-ast 0.7.1). */
export interface ScanningParser {
  readonly buffer: string;
  readonly escapeChar: string;
  processComment(dockerfile: unknown, start: number): number;
  processHeredocs(instruction: Instruction, offset: number): number;
  createInstruction(dockerfile: unknown, keyword: string, start: number, instructionEnd: number, end: number): Instruction;
}

const BREAK_OR_BACKSLASH = /[\r\n\\]/g;
const BREAK_OR_BACKTICK = /[\r\n`]/g;

/**
 * Where the next line break or escape character is at or after `from` (the only characters an unescaped line
 * reacts to). The parser's escape character is `\` or a backtick (`Dockerfile.getEscapeCharacter` gives no other).
 */
function nextBreakOrEscape(buffer: string, escapeChar: string, from: number): number {
  const pattern = escapeChar === '`' ? BREAK_OR_BACKTICK : BREAK_OR_BACKSLASH;
  pattern.lastIndex = from;
  return pattern.exec(buffer)?.index ?? buffer.length;
}

/**
 * `Parser.processArguments(dockerfile, instruction, instructionEnd, start, offset)`: from the space after the keyword
 * to the line break that ends the instruction (continuations followed, comment lines inside them added to the
 * tree), then the instruction's heredocs. Returns the offset the parse continues from.
 */
export function processArguments(
  this: ScanningParser, dockerfile: unknown, keyword: string, instructionEnd: number, start: number, offset: number,
): number {
  const buffer = this.buffer;
  const length = buffer.length;
  const escapeChar = this.escapeChar;
  const escape = escapeChar.charCodeAt(0);
  // True after an escaped line break until a character other than blanks, a line break or the escape character.
  let escaped = false;
  for (let i = offset + 1; i < length; i++) {
    if (!escaped) {
      // Unescaped, only line breaks and the escape character matter: jump to the next one.
      i = nextBreakOrEscape(buffer, escapeChar, i);
      if (i >= length) break;
    }
    const c = buffer.charCodeAt(i);
    if (c === CR || c === LF) {
      if (escaped) continue;
      return this.processHeredocs(this.createInstruction(dockerfile, keyword, start, instructionEnd, i), i);
    }
    if (c === escape) {
      const next = buffer.charCodeAt(i + 1);
      if (next === LF || next === CR) {
        escaped = true;
        i++;
      } else if (next === SPACE || next === TAB) {
        let j = i + 2;
        while (j < length && (buffer.charCodeAt(j) === SPACE || buffer.charCodeAt(j) === TAB)) j++;
        // Blanks up to the end of the text: dockerfile-ast stops there without creating the instruction.
        if (j >= length) return length;
        const after = buffer.charCodeAt(j);
        if (after === CR || after === LF) escaped = true;
        // dockerfile-ast resumes after j whatever character it is (it is not read).
        i = j;
      }
      continue;
    }
    if (c === HASH) {
      if (escaped) i = this.processComment(dockerfile, i);
      continue;
    }
    if (c === SPACE || c === TAB) continue;
    escaped = false;
  }
  return length;
}
