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
import { endsWithContinuation, joinLogicalLine, splitWords, type PhysicalLine } from './logicalLine';
import type { Instr } from './model';
import { guarded } from './parse';

export interface InstructionWord {
  /** The word as written: quotes and escapes kept. */
  readonly raw: string;
  /** Document range of the word (it may span continuation lines). */
  readonly range: Range;
}

/** The words after the keyword (flags included: `--from=x` is a word like any other). */
export function instructionWords(instr: Instr, escapeChar: string = escapeCharOf(instr)): InstructionWord[] {
  const text = guarded(() => instr.node.getTextContent(), '');
  if (text === '') return [];
  const start = instr.range.start;
  const lines = physicalLines(text, start.line, start.character, escapeChar);
  const joined = joinLogicalLine(lines);
  // The first physical line is padded to its document column, so offsets in it are columns.
  const afterKeyword = instr.keywordRange.end.line === start.line ? instr.keywordRange.end.character : start.character + instr.keywordText.length;
  return splitWords(joined.text.slice(afterKeyword), escapeChar).map((w) => {
    const from = afterKeyword + w.start;
    return { raw: w.raw, range: { start: joined.positionAt(from), end: joined.positionAt(from + w.raw.length) } };
  });
}

/** dockerfile-ast keeps the parser's escape character on every instruction node. */
function escapeCharOf(instr: Instr): string {
  const esc = (instr.node as unknown as { escapeChar?: unknown }).escapeChar;
  return esc === '`' ? '`' : '\\';
}

/** The same line classification as `logicalLines`, over the instruction's text instead of the document. */
function physicalLines(text: string, firstLine: number, firstColumn: number, esc: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let continues = true;
  text.split('\n').forEach((rawLine, i) => {
    if (!continues) return;
    const body = rawLine.replace(/\r$/, '');
    const lineText = i === 0 ? ' '.repeat(firstColumn) + body : body;
    const trimmed = lineText.trim();
    if (i > 0 && (trimmed === '' || trimmed.startsWith('#'))) {
      out.push({ line: firstLine + i, text: lineText, skipped: true, continues: true, contentEnd: lineText.length });
      return;
    }
    continues = endsWithContinuation(lineText, esc);
    const end = lineText.replace(/[ \t\r]+$/, '').length;
    out.push({ line: firstLine + i, text: lineText, skipped: false, continues, contentEnd: Math.max(0, continues ? end - 1 : end) });
  });
  return out;
}
