/**
 * "Create .dockerignore" at the cursor: on a COPY of the whole build context when the folder has no
 * `.dockerignore` (the `require-dockerignore` fix, with the same ecosystem defaults).
 */
import type { Range } from 'vscode-languageserver-types';
import { copyParts, wholeContextSource } from '../analysis/copySources';
import { proposeDockerignoreFor } from '../analysis/ecosystems';
import type { DockerfileModel } from '../analysis/model';
import { instructionsIn } from './selection';
import type { Refactor, RefactorAction, RefactorContext } from './types';

export const createDockerignore: Refactor = {
  id: 'create-dockerignore',
  kind: 'refactor.rewrite',
  resolves: ['require-dockerignore'],
  safety: 'safe',
  offer(model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined {
    if (context.files.dockerignore !== null) return undefined; // exists, or not known
    const copies = instructionsIn(model, range).map((i) => copyParts(model, i)).filter((p) => p !== undefined);
    if (!copies.some((p) => p.instr.stage && model.isReachable(p.instr.stage) && wholeContextSource(p))) return undefined;
    const proposal = proposeDockerignoreFor(model, context.files.contextFiles);
    const labels = proposal.ecosystems.length ? ` (${proposal.ecosystems.join(', ')})` : '';
    return {
      id: 'create-dockerignore',
      title: `Create .dockerignore${labels}`,
      kind: 'refactor.rewrite',
      edits: [],
      createFiles: [{ path: '.dockerignore', content: proposal.content }],
    };
  },
};
