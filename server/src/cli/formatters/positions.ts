/** 1-based positions for people and CI tools; the end column is exclusive (the column after the last character), as in ESLint and SARIF. */
import type { Range } from 'vscode-languageserver-types';

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function span(range: Range): Span {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
