/** Which instructions a cursor or a selection is on. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instr } from '../analysis/model';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Instructions the range touches (the one under the cursor for an empty range); ONBUILD triggers count as their ONBUILD. */
export function instructionsIn(model: DockerfileModel, range: Range): Instr[] {
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return model.instructions.filter((i) => {
    if (empty) return range.start.line >= i.range.start.line && range.start.line <= i.range.end.line;
    return !before(i.range.end, range.start) && before(i.range.start, range.end);
  });
}

/** Whether the cursor (or the start of the selection) is on the instruction's lines. */
export function onInstruction(instr: Instr, range: Range): boolean {
  return range.start.line >= instr.range.start.line && range.start.line <= instr.range.end.line;
}
