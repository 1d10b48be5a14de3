/** The engine's output: LSP-shaped (0-based) problems with their fixes attached. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { FixSafety, Severity } from '../../../shared/src/ruleTypes';

export type ProblemTag = 'unnecessary' | 'deprecated';

/** A file the fix creates next to the Dockerfile (e.g. `.dockerignore`); `path` is relative to the Dockerfile's folder. */
export interface FileCreation {
  readonly path: string;
  readonly content: string;
}

export interface Fix {
  readonly title: string;
  readonly safety: Exclude<FixSafety, 'none'>;
  readonly edits: readonly TextEdit[];
  readonly createFiles?: readonly FileCreation[];
}

export interface RelatedInfo {
  readonly range: Range;
  readonly message: string;
}

export interface Problem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly RelatedInfo[];
  readonly tags: readonly ProblemTag[];
  readonly fixes: readonly Fix[];
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    a.message.localeCompare(b.message)
  );
}
