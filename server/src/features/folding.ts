/**
 * Folding: one region per stage (FROM line to its last instruction), per multi-line instruction (continuation
 * lines, heredocs) and per block of consecutive comment lines. Ranges are line-based, which every client
 * supports.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';

export function foldingRanges(model: DockerfileModel, limit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const stage of model.stages) {
    if (stage.range.end.line > stage.range.start.line) {
      ranges.push({ startLine: stage.range.start.line, endLine: stage.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  const globals = model.instructions.filter((i) => !i.stage);
  if (globals.length > 1 && globals[globals.length - 1]!.range.end.line > globals[0]!.range.start.line) {
    ranges.push({ startLine: globals[0]!.range.start.line, endLine: globals[globals.length - 1]!.range.end.line, kind: FoldingRangeKind.Region });
  }
  for (const instr of model.instructions) {
    if (instr.range.end.line > instr.range.start.line) {
      ranges.push({ startLine: instr.range.start.line, endLine: instr.range.end.line });
    }
  }
  // Comment blocks: consecutive full-line comments.
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0 && blockEnd > blockStart) ranges.push({ startLine: blockStart, endLine: blockEnd, kind: FoldingRangeKind.Comment });
  };
  for (const comment of model.comments) {
    const line = comment.range.start.line;
    if (line === blockEnd + 1 && blockStart >= 0) blockEnd = line;
    else {
      flush();
      blockStart = line;
      blockEnd = line;
    }
  }
  flush();
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges.slice(0, limit);
}
