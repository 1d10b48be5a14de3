/**
 * A Dockerfile region seen as blocks: each instruction with the comment lines directly above it (no blank line
 * in between: they describe it and move with it), free-standing comment blocks, and the number of blank lines
 * before each block. Refactors that move or copy instructions rebuild text from blocks, so instructions keep
 * their exact text (continuations, heredocs, indentation) and their comments.
 */
import type { DockerfileModel, Instr } from '../analysis/model';
import { lineText } from '../engine/fixes';

export interface Block {
  /** The instruction; undefined for a comment block that belongs to no instruction. */
  readonly instr: Instr | undefined;
  /** The block's lines as written, without line endings. */
  readonly lines: readonly string[];
  readonly firstLine: number;
  readonly lastLine: number;
  /** Blank lines between the previous block (or the region start) and this one. */
  readonly blankBefore: number;
}

/** Something to write out: original blocks or generated instructions. */
export interface Piece {
  readonly lines: readonly string[];
  readonly blankBefore: number;
}

/** Instruction lines per document line (an instruction spans its continuation lines and heredoc bodies). */
function instructionByLine(model: DockerfileModel): Map<number, Instr> {
  const map = new Map<number, Instr>();
  for (const instr of model.instructions) {
    for (let l = instr.range.start.line; l <= instr.range.end.line; l++) if (!map.has(l)) map.set(l, instr);
  }
  return map;
}

/** Blocks of the lines `from..to` (inclusive). */
export function blocksOf(model: DockerfileModel, from: number, to: number): Block[] {
  const byLine = instructionByLine(model);
  const blocks: Block[] = [];
  let blanks = 0;
  let comments: { line: number; text: string }[] = [];
  let commentBlanks = 0;
  const flushComments = () => {
    if (comments.length === 0) return;
    blocks.push({ instr: undefined, lines: comments.map((c) => c.text), firstLine: comments[0]!.line, lastLine: comments[comments.length - 1]!.line, blankBefore: commentBlanks });
    comments = [];
  };
  for (let line = from; line <= to; line++) {
    const instr = byLine.get(line);
    if (instr) {
      const lines: string[] = comments.map((c) => c.text);
      const first = comments[0]?.line ?? line;
      const blankBefore = comments.length > 0 ? commentBlanks : blanks;
      comments = [];
      const end = Math.min(instr.range.end.line, to);
      for (let l = line; l <= end; l++) lines.push(lineText(model, l));
      blocks.push({ instr, lines, firstLine: first, lastLine: end, blankBefore });
      blanks = 0;
      line = end;
      continue;
    }
    const text = lineText(model, line);
    if (text.trim() === '') {
      if (comments.length > 0) {
        flushComments();
        blanks = 0;
      }
      blanks++;
      continue;
    }
    if (comments.length === 0) commentBlanks = blanks;
    blanks = 0;
    comments.push({ line, text });
  }
  flushComments();
  return blocks;
}

/** Lines of `pieces`, with their blank lines; the first piece's blank lines are kept only when `leading`. */
export function renderPieces(pieces: readonly Piece[], leading = false): string[] {
  const out: string[] = [];
  pieces.forEach((p, i) => {
    if (i > 0 || leading) for (let k = 0; k < p.blankBefore; k++) out.push('');
    out.push(...p.lines);
  });
  return out;
}

/** First line of the region a stage's blocks start at: after the parser directives and any global instruction. */
export function regionStart(model: DockerfileModel, fromLine: number): number {
  let start = model.directiveBlockEnd;
  for (const instr of model.instructions) {
    if (instr.range.start.line >= fromLine) break;
    start = Math.max(start, instr.range.end.line + 1);
  }
  return start;
}
