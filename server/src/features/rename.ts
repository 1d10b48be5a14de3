/**
 * Stage rename. The declaration `AS name` and every reference that spells the name (`FROM x`, `--from=x`,
 * mount `from=x`, `--target x` in comments) change together. Numeric `--from=N` references stay as they are
 * (the index does not change); starting a rename on one renames the stage it points at, when that stage has a
 * name. Image references (`FROM alpine`, `--from=nginx:1`) cannot be renamed, and neither can a reference
 * spelled through `${VAR}` (the ARG's value would have to change, not the reference).
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage, StageEdge } from '../analysis/model';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { isValidStageName } from '../analysis/buildkitGrammar';
import { imageReferenceAt, stageOccurrenceAt } from '../analysis/stageOccurrences';
import { renameStageEdits } from '../engine/fixes';

/** `notAStage`: nothing stage-related is under the cursor, so another rename (variables) may apply. */
export type RenameRefusal = { error: string; notAStage?: boolean };
export type PrepareRenameResult = { range: Range; placeholder: string } | RenameRefusal;
export type RenameResult = { edit: WorkspaceEdit } | RenameRefusal;

function stageToRename(model: DockerfileModel, pos: Position): { stage: Stage; range: Range } | RenameRefusal {
  const occ = stageOccurrenceAt(model, pos);
  if (!occ) {
    const image = imageReferenceAt(model, pos);
    if (image) return { error: `'${image.text}' is an image reference, not a stage of this file` };
    return { error: 'Only build stage names can be renamed here', notAStage: true };
  }
  if (occ.by === 'expression') return { error: `'${occ.edge?.text ?? ''}' is a variable; rename the stage at its declaration` };
  if (!occ.stage.name) return { error: `${upperFirst(stagePhrase(occ.stage))} has no name; add 'AS <name>' to its FROM line first` };
  return { stage: occ.stage, range: occ.range };
}

export function prepareStageRename(model: DockerfileModel, pos: Position): PrepareRenameResult {
  const found = stageToRename(model, pos);
  if ('error' in found) return found;
  return { range: found.range, placeholder: found.stage.name!.text };
}

/** Why `newName` cannot be the stage's new name, or undefined when it can. */
export function invalidStageName(model: DockerfileModel, stage: Stage, newName: string): string | undefined {
  const key = newName.toLowerCase();
  if (!isValidStageName(key)) {
    return `'${newName}' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'`;
  }
  const clash = model.stagesNamed(key).find((s) => s !== stage);
  if (clash) return `Stage ${clash.index} is already named '${clash.name!.text}'`;
  // After the rename `FROM <newName>` in a later stage would resolve to this stage instead of an image.
  const image = model.edges.find((e) => e.by === 'image' && e.text.toLowerCase() === key);
  if (image) return `'${image.text}' is used as an image in this file; naming a stage so would change what it refers to`;
  const composed = composedReference(model, stage);
  if (composed) {
    return `'${composed.text}' on line ${composed.range.start.line + 1} can select stage '${stage.name!.text}' through a build arg; renaming the stage would break that reference`;
  }
  return undefined;
}

/**
 * A reference spelled with variables (`FROM build-\${VARIANT}`) whose pattern matches the stage's name: it may
 * select this stage with the default or another `--build-arg` value, and a rename cannot update it.
 */
function composedReference(model: DockerfileModel, stage: Stage): StageEdge | undefined {
  const name = stage.name?.key;
  if (!name) return undefined;
  return model.edges.find((e) => {
    if (e.onbuild || !e.text.includes('$')) return false;
    if (e.target === stage) return true;
    const literals = e.text.toLowerCase().split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    // A bare `\${IMAGE}` says nothing about stage names; only a spelled-out part (`build-`) ties it to some.
    if (literals.every((part) => part === '')) return false;
    const pattern = literals.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${pattern}$`).test(name);
  });
}

export function renameStage(model: DockerfileModel, pos: Position, newName: string): RenameResult {
  const found = stageToRename(model, pos);
  if ('error' in found) return found;
  const invalid = invalidStageName(model, found.stage, newName);
  if (invalid) return { error: invalid };
  return { edit: { changes: { [model.uri]: renameStageEdits(model, found.stage, newName) } } };
}
