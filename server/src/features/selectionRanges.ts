/**
 * Smart selection (expand selection): word → flag or argument → instruction → stage → whole file.
 */
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { contains, sameRange } from '../analysis/ranges';

/** Word characters for selection purposes: what a stage name, flag value or path is made of. */
const WORD = /[A-Za-z0-9_.\-/:@$]/;

function wordAt(model: DockerfileModel, pos: Position): Range | undefined {
  const line = model.document.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  let start = pos.character;
  let end = pos.character;
  while (start > 0 && WORD.test(line[start - 1]!)) start--;
  while (end < line.length && WORD.test(line[end]!)) end++;
  if (start === end) return undefined;
  return { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } };
}

function selectionRange(model: DockerfileModel, pos: Position): SelectionRange {
  const chain: Range[] = [];
  const add = (r: Range | undefined) => {
    if (!r) return;
    const last = chain[chain.length - 1];
    if (last && sameRange(last, r)) return;
    chain.push(r);
  };
  add(wordAt(model, pos));
  const instr = model.instructionAt(pos);
  if (instr) {
    const flag = instr.flags.find((f) => contains(f.range, pos));
    if (flag) {
      add(flag.options.find((o) => contains(o.range, pos))?.range);
      add(flag.range);
    } else {
      add(instr.args.find((a) => contains(a.range, pos))?.range);
    }
    add(instr.range);
  }
  const stage = instr?.stage ?? model.stages.find((s) => contains(s.range, pos));
  if (stage) add(stage.range);
  const lastLine = model.document.lineCount - 1;
  add({ start: { line: 0, character: 0 }, end: { line: lastLine, character: model.document.getText({ start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } }).length } });
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) result = result ? { range: chain[i]!, parent: result } : { range: chain[i]! };
  return result!;
}

export function selectionRanges(model: DockerfileModel, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => selectionRange(model, p));
}
