/**
 * Code lenses above each FROM: "<role> · used by runtime (2 copies)" and "▶ build this stage". The build lens
 * runs the client-side `stagelint.buildStage` command, which opens a terminal; the server never spawns.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import { COMMANDS, type BuildStageArgs } from '../../../shared/src/protocol';
import type { DockerfileModel, Stage, StageEdge } from '../analysis/model';
import { reachState } from '../analysis/stageReachability';
import { inferStageRole, stageRoleLabel } from '../analysis/stageRole';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "runtime (2 copies), test (FROM)" — consumers grouped by stage, in file order. */
function usageSummary(model: DockerfileModel, stage: Stage): string {
  const refs = model.referencesTo(stage).filter((e) => !e.onbuild && e.source !== stage);
  if (refs.length === 0) return model.targets.includes(stage) ? '' : 'used by no stage';
  const bySource = new Map<Stage, StageEdge[]>();
  for (const e of refs) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  const parts = [...bySource.entries()].map(([source, edges]) => {
    const copies = edges.filter((e) => e.kind === 'copy-from').length;
    const mounts = edges.filter((e) => e.kind === 'mount-from').length;
    const kinds = [
      ...(edges.some((e) => e.kind === 'from') ? ['FROM'] : []),
      ...(copies > 0 ? [plural(copies, 'copy', 'copies')] : []),
      ...(mounts > 0 ? [plural(mounts, 'mount', 'mounts')] : []),
    ];
    return `${source.label} (${kinds.join(', ')})`;
  });
  return `used by ${parts.join(', ')}`;
}

function stageLensTitle(model: DockerfileModel, stage: Stage): string {
  const role = stageRoleLabel(inferStageRole(model, stage));
  const parts = [role];
  const usage = usageSummary(model, stage);
  if (usage) parts.push(usage);
  // The same decision as no-unreachable-stage: a `test` stage is built on its own, not dead code.
  const reach = reachState(model, stage);
  if (reach === 'deliberate-target') parts.push('separate target');
  else if (reach === 'unreachable') parts.push('unreachable from the target');
  return parts.join(' · ');
}

export function codeLenses(model: DockerfileModel): CodeLens[] {
  const lenses: CodeLens[] = [];
  const last = model.stages[model.stages.length - 1];
  for (const stage of model.stages) {
    const range = stage.from.keywordRange;
    // A command with an empty id renders as plain text: the summary is information, not an action.
    lenses.push({ range, command: { title: stageLensTitle(model, stage), command: '' } });
    if (stage.name || stage === last) {
      const args: BuildStageArgs = { uri: model.uri, stage: stage.name?.text ?? null, index: stage.index };
      lenses.push({ range, command: { title: '▶ build this stage', command: COMMANDS.buildStage, arguments: [args] } });
    }
  }
  return lenses;
}
