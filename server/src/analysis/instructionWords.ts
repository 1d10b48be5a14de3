/**
 * The words of an instruction's arguments as BuildKit's parser sees them, read from the instruction's own text:
 * continuation lines joined (comment and blank lines inside the continuation dropped), then split at blanks
 * outside quotes, with the escape character protecting the next character. dockerfile-ast's `getArguments()`
 * splits at every blank, so `ARG X="a b"` would come out as two words there.
 *
 * Works from the dockerfile-ast node alone (no model needed), so the model builder can use it before the model
 * exists.
 */
import type { Range } from 'vscode-languageserver-types';
import { ObjectMemo } from './memo';
import { joinLogicalLine, physicalLine, splitWords, type PhysicalLine } from './logicalLine';
import type { Instr } from './model';
import { guarded } from './parse';

export interface InstructionWord {
  /** The word as written: quotes and escapes kept. */
  readonly raw: string;
  /** Document range of the word (it may span continuation lines). */
  readonly range: Range;
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
  return splitWords(joined.text, escapeChar, afterKeyword).map((w) => ({
    raw: w.raw, range: { start: joined.positionAt(w.start), end: joined.positionAt(w.start + w.raw.length) },
  }));
}

/** The same line classification as `logicalLines`, over the instruction's text instead of the document. */
function physicalLines(text: string, firstLine: number, firstColumn: number, esc: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  const rawLines = text.split('\n');
  for (let i = 0; i < rawLines.length; i++) {
    const rawLine = rawLines[i]!;
    const body = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const line = physicalLine(firstLine + i, i === 0 ? ' '.repeat(firstColumn) + body : body, i === 0, esc);
    out.push(line);
    if (!line.continues) break;
  }
  return out;
}
