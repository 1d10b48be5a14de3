/**
 * "Name this stage" and "Rename stage": give an unnamed stage, or one with a name that says nothing (`stage1`),
 * a name from its role (builder, deps, runtime, …), and make every reference use it — by-name references
 * (`FROM`, `COPY --from`, `RUN --mount=…,from=`) are renamed and numeric `--from=N` references become the name,
 * so inserting a stage later cannot silently change what they copy.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../analysis/model';
import { isValidStageName } from '../analysis/buildkitGrammar';
import { isGenericStageName, suggestStageName } from '../analysis/stageNaming';
import { replace } from '../engine/fixes';
import { onInstruction } from './selection';
import { asKeyword } from './style';
import type { Refactor, RefactorAction } from './types';

function stageAt(model: DockerfileModel, range: Range): Stage | undefined {
  return model.stages.find((s) => onInstruction(s.from, range));
}

/** Numeric references (`--from=0`) to `stage`, replaced by `name`. */
function numericReferenceEdits(model: DockerfileModel, stage: Stage, name: string): TextEdit[] {
  return model.referencesTo(stage).filter((e) => e.by === 'index' && !e.onbuild).map((e) => replace(e.range, name));
}

/** A readable fallback when the role says nothing: the base image's name (`python`, `alpine`). */
function imageName(stage: Stage): string | undefined {
  if (stage.base.kind !== 'image' || !stage.base.name) return undefined;
  const last = stage.base.name.split('/').pop()!.toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return isValidStageName(last) && !isGenericStageName(last) ? last : undefined;
}

export const nameStage: Refactor = {
  id: 'name-stage',
  kind: 'refactor.rewrite',
  resolves: [],
  safety: 'safe',
  offer(model: DockerfileModel, range: Range): RefactorAction | undefined {
    const stage = stageAt(model, range);
    if (!stage || stage.name || stage.base.kind === 'missing' || stage.from.args.length !== 1) return undefined;
    const name = suggestStageName(model, stage, imageName(stage));
    if (!name) return undefined;
    const at = stage.base.range.end;
    const edits = [replace({ start: at, end: at }, ` ${asKeyword(stage.from.keywordText)} ${name}`), ...numericReferenceEdits(model, stage, name)];
    return { id: 'name-stage', title: `Name this stage '${name}'`, kind: 'refactor.rewrite', edits };
  },
};

export const renameStage: Refactor = {
  id: 'rename-stage',
  kind: 'refactor.rewrite',
  resolves: ['no-generic-stage-name'],
  safety: 'unsafe',
  offer(model: DockerfileModel, range: Range): RefactorAction | undefined {
    const stage = stageAt(model, range);
    if (!stage?.name || !isGenericStageName(stage.name.key) || model.stagesNamed(stage.name.key).length > 1) return undefined;
    const name = suggestStageName(model, stage);
    if (!name || name === stage.name.key) return undefined;
    // ONBUILD triggers name stages of the child build, not of this file.
    const byName = model.referencesTo(stage).filter((e) => e.by === 'name' && !e.onbuild).map((e) => replace(e.range, name));
    const edits = [replace(stage.name.range, name), ...byName, ...numericReferenceEdits(model, stage, name)];
    return { id: 'rename-stage', title: `Rename stage '${stage.name.text}' to '${name}'`, kind: 'refactor.rewrite', edits };
  },
};
