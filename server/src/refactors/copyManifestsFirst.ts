/**
 * "Copy dependency manifests first" at the cursor: the `deps-before-source` fix, offered on the whole-context
 * COPY (`COPY . .`) or on the install it delays, whether or not the rule is enabled.
 */
import type { Range } from 'vscode-languageserver-types';
import { findDepsBeforeSource, type DepsBeforeSource } from '../analysis/dependencyOrder';
import { ObjectMemo } from '../analysis/memo';
import type { DockerfileModel } from '../analysis/model';
import { copyManifestsFirstEdits } from '../engine/edits/manifestsFirst';
import { instructionsIn } from './selection';
import type { Refactor, RefactorAction, RefactorContext } from './types';

/** Findings per model and context listing: the editor asks at every cursor move. */
const cache = new ObjectMemo<DockerfileModel, { files: readonly string[] | undefined; issues: readonly DepsBeforeSource[] }>();

function issuesOf(model: DockerfileModel, contextFiles: readonly string[] | undefined): readonly DepsBeforeSource[] {
  const hit = cache.get(model);
  if (hit && hit.files === contextFiles) return hit.issues;
  const issues = findDepsBeforeSource(model, contextFiles);
  cache.set(model, { files: contextFiles, issues });
  return issues;
}

export const copyManifestsFirst: Refactor = {
  id: 'copy-manifests-first',
  kind: 'refactor.rewrite',
  resolves: ['deps-before-source'],
  safety: 'safe',
  offer(model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined {
    const at = instructionsIn(model, range).filter((i) => ['COPY', 'ADD', 'RUN'].includes(i.keyword));
    if (at.length === 0) return undefined;
    for (const issue of issuesOf(model, context.files.contextFiles)) {
      if (!at.includes(issue.copy.instr) && !at.includes(issue.run)) continue;
      const edits = copyManifestsFirstEdits(model, issue);
      if (!edits) continue;
      const manifests = issue.manifestCopies!.flatMap((c) => c.sources).join(', ');
      return { id: 'copy-manifests-first', title: `Copy ${manifests} first`, kind: 'refactor.rewrite', edits };
    }
    return undefined;
  },
};
