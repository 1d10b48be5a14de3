/** Pieces of the two stages written from the original blocks: the builder's FROM, the runtime's WORKDIR. */
import type { Env } from 'dockerfile-ast';
import type { Instr } from '../../analysis/model';
import { blocksOf, regionStart, type Block, type Piece } from '../layout';
import { asKeyword } from '../style';
import type { SplitAnalysis } from './analysis';

/** The FROM line of the builder: the original, named `builder`. */
export function builderFrom(analysis: SplitAnalysis, block: Block): string[] {
  const { model, stage } = analysis;
  const from = stage.from;
  const start = model.document.offsetAt(from.range.start);
  const text = model.textOf(from.range);
  let named: string;
  if (stage.name) {
    const a = model.document.offsetAt(stage.name.range.start) - start;
    const b = model.document.offsetAt(stage.name.range.end) - start;
    named = text.slice(0, a) + 'builder' + text.slice(b);
  } else {
    const end = model.document.offsetAt(stage.base.range.end) - start;
    named = `${text.slice(0, end)} ${asKeyword(from.keywordText)} builder${text.slice(end)}`;
  }
  const comments = block.lines.slice(0, block.lines.length - (from.range.end.line - from.range.start.line + 1));
  return [...comments, ...named.split(/\r?\n/)];
}

/** The runtime's WORKDIR: the original instruction when it already names the absolute directory. */
export function workdirPiece(instr: Instr, block: Block, workdir: string): Piece {
  const written = instr.args.map((a) => a.value).join(' ');
  if (written === workdir || written === `${workdir}/`) return block;
  const comments = block.lines.slice(0, block.lines.length - (instr.range.end.line - instr.range.start.line + 1));
  return { lines: [...comments, `${instr.keywordText} ${workdir}`], blankBefore: block.blankBefore };
}

export function blockOf(analysis: SplitAnalysis, instr: Instr): Block | undefined {
  const { model } = analysis;
  return blocksOf(model, regionStart(model, analysis.stage.from.range.start.line), model.document.lineCount - 1).find((b) => b.instr === instr);
}

/** Names an ENV instruction sets (`ENV A=1 B=2`, legacy `ENV A 1`). */
export function envKeys(instr: Instr): string[] {
  try {
    return (instr.node as Env).getProperties().map((p) => p.getName());
  } catch {
    return [];
  }
}

