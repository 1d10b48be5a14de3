/**
 * "Add a non-root user" at the cursor, in a final stage that runs as root: the `no-root-final-stage` fix (the
 * base family's own account — `node`, distroless `nonroot`, .NET `$APP_UID` — or an `app` user created with
 * its tools, switched to after the stage's last RUN or USER, before CMD/ENTRYPOINT), followed by `--chown` on the
 * COPYs the new user must own (those `copy-needs-chown` finds once the USER is in place: after it, or into the
 * user's home).
 */
import type { Range } from 'vscode-languageserver-types';
import { buildModel } from '../analysis/buildModel';
import { ObjectMemo } from '../analysis/memo';
import type { DockerfileModel, Stage } from '../analysis/model';
import { applyEdits } from '../engine/applyFixes';
import { minimalEdit } from '../engine/fixes';
import { withGroups } from './chown';
import { plainTitle, ruleFixAt, ruleProblems } from './ruleFixes';
import type { Refactor, RefactorAction, RefactorContext } from './types';

export const addNonRootUser: Refactor = {
  id: 'add-non-root-user',
  kind: 'refactor.rewrite',
  resolves: ['no-root-final-stage'],
  safety: 'unsafe',
  offer(model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined {
    const stage = model.stageAt(range.start);
    if (!stage || !model.targets.includes(stage)) return undefined;
    const hit = cache.get(model)?.get(stage);
    if (hit && hit.files === context.files) return hit.action;
    const action = compute(model, stage, context);
    if (!cache.has(model)) cache.set(model, new Map());
    cache.get(model)!.set(stage, { files: context.files, action });
    return action;
  },
};

/** Per model and stage: the editor asks at every cursor move, and the result costs a second model. */
const cache = new ObjectMemo<DockerfileModel, Map<Stage, { files: RefactorContext['files']; action: RefactorAction | undefined }>>();

function compute(model: DockerfileModel, stage: Stage, context: RefactorContext): RefactorAction | undefined {
  const found = ruleFixAt(model, stage.from.range, context.files, 'no-root-final-stage');
  if (!found || found.fix.edits.length === 0) return undefined;
  let output = applyEdits(model.text, found.fix.edits);
  // The COPYs the user must own, as copy-needs-chown sees them with the USER in place.
  const after = buildModel(output, { uri: model.uri, version: model.version });
  const chowns = withGroups(after, ruleProblems(after, 'copy-needs-chown', context.files).flatMap((p) => p.fixes[0]?.edits ?? []));
  if (chowns.length > 0) output = applyEdits(output, chowns);
  const edit = minimalEdit(model, output);
  return edit ? { id: 'add-non-root-user', title: plainTitle(found.fix), kind: 'refactor.rewrite', edits: [edit] } : undefined;
}
