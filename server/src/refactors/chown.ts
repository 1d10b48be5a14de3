/**
 * "Add --chown" and "Fold RUN chown into COPY --chown" at the cursor: the fixes of `copy-needs-chown` (owner taken
 * from the USER line and the line creating that user) and `prefer-copy-chown` (a RUN that only chowns what COPY
 * just wrote becomes `--chown` on the COPY; directories that existed before keep their chown).
 */
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { plainTitle, ruleFixAt } from './ruleFixes';
import type { Refactor, RefactorAction, RefactorContext } from './types';

function fromRule(id: string, ruleId: string): Refactor['offer'] {
  return (model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined => {
    const found = ruleFixAt(model, range, context.files, ruleId);
    if (!found || found.fix.edits.length === 0) return undefined;
    return { id, title: plainTitle(found.fix), kind: 'refactor.rewrite', edits: found.fix.edits };
  };
}

export const addChown: Refactor = {
  id: 'add-chown',
  kind: 'refactor.rewrite',
  resolves: ['copy-needs-chown'],
  safety: 'safe',
  offer: fromRule('add-chown', 'copy-needs-chown'),
};

export const foldChown: Refactor = {
  id: 'fold-chown',
  kind: 'refactor.rewrite',
  resolves: ['prefer-copy-chown'],
  safety: 'safe',
  offer: fromRule('fold-chown', 'prefer-copy-chown'),
};
