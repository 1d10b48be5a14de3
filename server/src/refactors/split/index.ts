/**
 * "Split into builder and runtime stages": a single-stage Dockerfile that builds its application becomes a
 * `builder` stage (toolchain, build-only packages, build steps) and a `runtime` stage (the base's runtime
 * variant, the artifacts, the runtime packages, a non-root user, the original configuration and start command).
 * Offered only for a recognised ecosystem (Python, Node.js, Go, Rust, Java, .NET) whose artifacts and start
 * command can be determined; `explainSplit` says why it is not offered otherwise.
 */
import type { Range } from 'vscode-languageserver-types';
import { describeImageText } from '../../analysis/baseImages';
import { ObjectMemo } from '../../analysis/memo';
import type { DockerfileModel } from '../../analysis/model';
import { detectStyle } from '../style';
import { minimalEdit } from '../../engine/fixes';
import type { Refactor, RefactorAction, RefactorContext } from '../types';
import { analyseStage } from './analysis';
import { assembleSplit } from './assemble';
import { dotnetPlanner } from './dotnet';
import { goPlanner } from './go';
import { javaPlanner } from './java';
import { nodePlanner } from './node';
import type { Planner, SplitEcosystem } from './plan';
import { pythonPlanner } from './python';
import { rustPlanner } from './rust';

const PLANNERS: readonly Planner[] = [pythonPlanner, nodePlanner, goPlanner, rustPlanner, javaPlanner, dotnetPlanner];
const FAMILIES = new Set(['debian', 'ubuntu', 'alpine']);

export type SplitResult = { readonly output: string; readonly ecosystem: SplitEcosystem } | { readonly declined: string };

const cache = new ObjectMemo<DockerfileModel, SplitResult>();

/** The split file, or why there is none (computed once per model: the editor asks at every cursor move). */
export function explainSplit(model: DockerfileModel): SplitResult {
  const hit = cache.get(model);
  if (hit) return hit;
  const result = computeSplit(model);
  cache.set(model, result);
  return result;
}

function computeSplit(model: DockerfileModel): SplitResult {
  if (model.parseError || !model.ast) return { declined: 'the file does not parse' };
  if (model.stages.length !== 1) return { declined: 'the file is not single-stage' };
  const stage = model.stages[0]!;
  if (stage.base.kind !== 'image' || stage.base.resolved === undefined) return { declined: 'the base is not a known image' };
  if (model.edges.some((e) => e.kind !== 'from')) return { declined: 'the stage copies from other images' };
  if (stage.instructions.some((i) => i.keyword === 'ONBUILD')) return { declined: 'ONBUILD triggers' };
  if (!stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) return { declined: 'the image starts nothing' };
  const facts = describeImageText(stage.base.resolved);
  if (!facts.known || !FAMILIES.has(facts.family)) return { declined: 'the base image is not a known Linux image' };
  const analysis = analyseStage(model, stage, facts, detectStyle(model));
  if (!analysis) return { declined: 'no build step' };
  const planners = PLANNERS.filter((p) => p.recognises(analysis));
  const planner = planners[0];
  if (!planner || planners.length > 1) return { declined: 'the ecosystem is not recognised' };
  const plan = planner.plan(analysis);
  if (!plan) return { declined: `the ${planner.ecosystem} build is not one the refactor knows` };
  const outcome = assembleSplit(analysis, plan);
  return 'declined' in outcome ? outcome : { output: outcome.output, ecosystem: planner.ecosystem };
}

export const splitStages: Refactor = {
  id: 'split-stages',
  kind: 'refactor.extract',
  resolves: ['prefer-multi-stage-build', 'no-build-tools-in-final-stage'],
  safety: 'unsafe',
  offer(model: DockerfileModel, range: Range, _context: RefactorContext): RefactorAction | undefined {
    const stage = model.stages[0];
    if (!stage || range.start.line < stage.from.range.start.line) return undefined;
    const result = explainSplit(model);
    if ('declined' in result) return undefined;
    const edit = minimalEdit(model, result.output);
    return edit ? { id: 'split-stages', title: 'Split into builder and runtime stages', kind: 'refactor.extract', edits: [edit] } : undefined;
  },
};
