/**
 * Whether a plain build reaches a stage, and if not, whether that is on purpose. One decision shared by the
 * `no-unreachable-stage` rule and every editor feature that shows reachability (code lens, inlay hints, the stage
 * graph, the outline, the stage card), so they never disagree:
 * - `reached`: a build target (the last stage, configured `targets`) uses the stage through FROM, COPY --from or
 *   a mount, counting a reference through a variable (`FROM app-${VARIANT}`) as using every stage it may name;
 * - `deliberate-target`: no build target uses it, but it is built on purpose with `--target` (or used by such a
 *   stage): a name like `test` or `lint`, a second image with CMD/ENTRYPOINT, an export stage `FROM scratch`, a
 *   stage the file pulls back as a published image, or one of several unused end stages (a file built for
 *   several targets, e.g. from a bake file);
 * - `unreachable`: dead code — `docker build` skips it and nothing suggests anyone builds it.
 * Computed once per model.
 */
import { possiblyReachableStages } from './dynamicRefs';
import { stageChain } from './finalImage';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Stage } from './model';

export type ReachState = 'reached' | 'deliberate-target' | 'unreachable';

/** Name parts that mark a stage built on purpose with `--target` (`test`, `unit-test`, `lint`, …). */
const DELIBERATE = new Set(['test', 'tests', 'lint', 'dev', 'development', 'debug', 'ci', 'docs', 'validate', 'release', 'update', 'image']);

const cache = new ObjectMemo<DockerfileModel, ReadonlyMap<Stage, ReachState>>();

export function reachState(model: DockerfileModel, stage: Stage): ReachState {
  return statesOf(model).get(stage) ?? 'unreachable';
}

/** True when a plain build (or a configured target) builds the stage. */
export function isReached(model: DockerfileModel, stage: Stage): boolean {
  return reachState(model, stage) === 'reached';
}

/** Words for users: `separate target` / `unreachable`, '' for a reached stage. */
export function reachStateLabel(state: ReachState): string {
  return state === 'deliberate-target' ? 'separate target' : state === 'unreachable' ? 'unreachable' : '';
}

/** A stage built on purpose with `--target` although no build target uses it. */
export function isDeliberateTarget(model: DockerfileModel, stage: Stage): boolean {
  return (stage.name !== undefined && hasDeliberateName(stage.name.key)) || isExportStage(stage) || isRunnableImage(stage) || isPublished(model, stage);
}

function statesOf(model: DockerfileModel): ReadonlyMap<Stage, ReachState> {
  let states = cache.get(model);
  if (states) return states;
  const fromTargets = possiblyReachableStages(model, model.targets);
  // What the deliberate targets use is used too.
  const roots = [...model.targets, ...model.stages.filter((s) => isDeliberateTarget(model, s))];
  const used = possiblyReachableStages(model, roots);
  const unused = model.stages.filter((s) => !used.has(s));
  // End stages nothing uses are what `--target` builds. Exactly one is a forgotten stage; several mean the file is
  // built for several targets, and then none of them is dead code we can point at. (None at all: the unused
  // stages only use each other, a cycle that no-stage-cycle reports; they are not called dead code either.)
  const ends = unused.filter((s) => !model.referencesTo(s).some((e) => !e.onbuild && e.source !== s));
  const severalTargets = ends.length !== 1;
  const map = new Map<Stage, ReachState>();
  for (const stage of model.stages) {
    map.set(stage, fromTargets.has(stage) ? 'reached' : used.has(stage) || severalTargets ? 'deliberate-target' : 'unreachable');
  }
  states = map;
  cache.set(model, states);
  return states;
}

function hasDeliberateName(key: string): boolean {
  return key.split(/[-_.]/).some((part) => DELIBERATE.has(part));
}

/** `FROM scratch` with only COPY/ADD: a stage that collects files for `--output`, built with `--target`. */
function isExportStage(stage: Stage): boolean {
  return stage.base.kind === 'scratch' && stage.instructions.every((i) => i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'ARG');
}

/** A stage whose FROM chain sets CMD or ENTRYPOINT is an image meant to run: a second image built with `--target`. */
function isRunnableImage(stage: Stage): boolean {
  return stageChain(stage).some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
}

/** The file pulls an image named after the stage (`FROM org/app:base-slim` for stage `base-slim`): it is published. */
function isPublished(model: DockerfileModel, stage: Stage): boolean {
  const key = stage.name?.key;
  if (!key) return false;
  return publishedNames(model).has(key);
}

/** Per model: asked for every stage, and scanning every image reference each time was quadratic. */
const publishedCache = new ObjectMemo<DockerfileModel, ReadonlySet<string>>();

/** The repository, tag and digest parts (lower-cased) of every image the file pulls. */
function publishedNames(model: DockerfileModel): ReadonlySet<string> {
  let names = publishedCache.get(model);
  if (!names) {
    names = new Set(model.edges.filter((e) => e.by === 'image').flatMap((e) => e.text.toLowerCase().split(/[/:@]/).slice(1)));
    publishedCache.set(model, names);
  }
  return names;
}
