/**
 * Refactors: code actions that rewrite a Dockerfile where the cursor or selection is, not only on a diagnostic.
 * Each refactor is a pure function `(model, range, context) → RefactorAction | undefined`; the editor feature
 * (`features/refactorActions.ts`) turns the result into an LSP code action, and rule diagnostics that name a
 * refactor get it as a quick fix.
 *
 * A refactor returns undefined whenever it cannot produce a file that is right: never a half-right result.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import type { FileFacts } from '../engine/fileFacts';
import type { FileCreation } from '../engine/problem';

export type RefactorKind = 'refactor.extract' | 'refactor.rewrite';

export interface RefactorAction {
  /** Id of the refactor that produced the action (stable: tests and diagnostic attachments use it). */
  readonly id: string;
  /** Imperative title shown in the editor. */
  readonly title: string;
  readonly kind: RefactorKind;
  readonly edits: readonly TextEdit[];
  readonly createFiles?: readonly FileCreation[];
}

export interface RefactorContext {
  /** Facts about the files beside the Dockerfile (.dockerignore, context file names); undefined = unknown. */
  readonly files: FileFacts;
}

export interface Refactor {
  readonly id: string;
  readonly kind: RefactorKind;
  /**
   * Rule ids whose problem this refactor resolves: their diagnostics get the refactor as a quick fix when the
   * rule itself attaches no fix, and the fix-safety suite checks that the problem is gone afterwards.
   */
  readonly resolves: readonly string[];
  /** Safety of the action when it is attached to a diagnostic as a quick fix. */
  readonly safety: 'safe' | 'unsafe';
  offer(model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined;
}
