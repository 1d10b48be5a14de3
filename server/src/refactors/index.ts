/**
 * The registry of refactors, in the order the editor lists them. `refactorsAt` runs every refactor for a
 * cursor or selection; a refactor that throws is skipped (an editor request must never fail because of one).
 */
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { addNonRootUser } from './addNonRootUser';
import { addChown, foldChown } from './chown';
import { copyManifestsFirst } from './copyManifestsFirst';
import { createDockerignore } from './createDockerignore';
import { extractStage } from './extractStage';
import { splitStages } from './split';
import { nameStage, renameStage } from './stageNames';
import { swapRuntimeBase } from './swapRuntimeBase';
import type { Refactor, RefactorAction, RefactorContext } from './types';

export type { Refactor, RefactorAction, RefactorContext, RefactorKind } from './types';

export const REFACTORS: readonly Refactor[] = [
  splitStages,
  copyManifestsFirst,
  addChown,
  foldChown,
  addNonRootUser,
  swapRuntimeBase,
  createDockerignore,
  nameStage,
  renameStage,
  extractStage,
];

export function refactorsAt(model: DockerfileModel, range: Range, context: RefactorContext, refactors: readonly Refactor[] = REFACTORS): RefactorAction[] {
  const out: RefactorAction[] = [];
  for (const refactor of refactors) {
    try {
      const action = refactor.offer(model, range, context);
      if (action) out.push(action);
    } catch {
      // A refactor that fails on unusual input offers nothing; the others still do.
    }
  }
  return out;
}

/** The refactors that resolve a rule's problem (attached to its diagnostics as quick fixes). */
export function refactorsResolving(ruleId: string): Refactor[] {
  return REFACTORS.filter((r) => r.resolves.includes(ruleId));
}
