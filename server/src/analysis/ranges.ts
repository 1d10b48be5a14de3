/** Position and range comparisons shared by the model and the editor features (LSP positions: 0-based, UTF-16 columns). */
import type { Position, Range } from 'vscode-languageserver-types';

/** `pos` lies in `range`, both ends included: editors place the caret after a word, at its end. */
export function contains(range: Range, pos: Position): boolean {
  return !isBefore(pos, range.start) && !isBefore(range.end, pos);
}

export function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

/** The ranges share at least one position (touching ends count). */
export function intersects(a: Range, b: Range): boolean {
  return !(isBefore(a.end, b.start) || isBefore(b.end, a.start));
}

function isBefore(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

function samePosition(p: Position, q: Position): boolean {
  return p.line === q.line && p.character === q.character;
}
