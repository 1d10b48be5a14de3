/**
 * The words of an instruction's arguments as BuildKit's parser sees them, read from the instruction's own text:
 * continuation lines joined (comment and blank lines inside the continuation dropped), then split at blanks
 * outside quotes, with the escape character protecting the next character. dockerfile-ast's `getArguments()`
 * splits at every blank, so `ARG X="a b"` would come out as two words there.
 *
 * Works from the dockerfile-ast node alone (no model needed), so the model builder can use it before the model
 * exists.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { ObjectMemo } from './memo';
import { joinLogicalLine, physicalLine, splitWords, type JoinedLine, type PhysicalLine } from './logicalLine';
import type { Instr } from './model';
import { guarded } from './parse';

export interface InstructionWord {
  /** The word as written: quotes and escapes kept. */
  readonly raw: string;
  /** Document range of the word (it may span continuation lines). */
  readonly range: Range;
  /**
   * Document position of an offset in `raw`: a continuation may split the word anywhere (`ARG VER\<newline>SION=1`), so a
   * part's position is not the word's start plus the offset.
   */
  positionAt(offset: number): Position;
}

class Word implements InstructionWord {
  constructor(
    readonly raw: string,
    readonly range: Range,
    private readonly start: number,
    private readonly line: JoinedLine,
  ) {}

  positionAt(offset: number): Position {
    return this.line.positionAt(this.start + offset);
  }
}

/**
 * Words by instruction (with the escape character they were split with): ARG declarations are read for the
 * model, for every ARG scope and by rules, and an instruction belongs to one model, whose text never changes.
 */
const wordsCache = new ObjectMemo<Instr, { readonly escapeChar: string; readonly words: readonly InstructionWord[] }>();

/** The words after the keyword (flags included: `--from=x` is a word like any other). */
export function instructionWords(instr: Instr, escapeChar: string): readonly InstructionWord[] {
  const cached = wordsCache.get(instr);
  if (cached && cached.escapeChar === escapeChar) return cached.words;
  const words = readWords(instr, escapeChar);
  wordsCache.set(instr, { escapeChar, words });
  return words;
}

function readWords(instr: Instr, escapeChar: string): InstructionWord[] {
  const text = guarded(() => instr.node.getTextContent(), '');
  if (text === '') return [];
  const start = instr.range.start;
  const lines = physicalLines(text, start.line, start.character, escapeChar);
  const joined = joinLogicalLine(lines);
  // The first physical line is padded to its document column, so offsets in it are columns.
  const afterKeyword = instr.keywordRange.end.line === start.line ? instr.keywordRange.end.character : start.character + instr.keywordText.length;
  return splitWords(joined.text, escapeChar, afterKeyword).map(
    (w) => new Word(w.raw, { start: joined.positionAt(w.start), end: joined.positionAt(w.start + w.raw.length) }, w.start, joined),
  );
}

/** The same line classification as `logicalLines`, over the instruction's text instead of the document. */
function physicalLines(text: string, firstLine: number, firstColumn: number, esc: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  // Lines as the document counts them (and the parser reads them): a lone carriage return ends a line too.
  const rawLines = text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
  for (let i = 0; i < rawLines.length; i++) {
    const body = rawLines[i]!;
    const line = physicalLine(firstLine + i, i === 0 ? ' '.repeat(firstColumn) + body : body, i === 0, esc);
    out.push(line);
    if (!line.continues) break;
  }
  return out;
}
