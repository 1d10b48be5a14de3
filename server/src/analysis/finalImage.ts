/**
 * What ships: the final image is each build target together with the stages it is built `FROM`
 * (`model.finalChain`). Stages outside it only matter through what is copied out of them.
 *
 * Also the base-image facts of any stage, following `FROM <stage>` to the image at the root of its chain:
 * `FROM builder AS test` has the facts of the image `builder` starts from. Computed lazily and memoised per
 * model, so rules that never ask cost nothing.
 */
import { describeImageText, type ImageFacts } from './baseImages';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage } from './model';

interface FinalFacts {
  readonly stages: ReadonlySet<Stage>;
  readonly facts: Map<Stage, ImageFacts>;
}

const cache = new ObjectMemo<DockerfileModel, FinalFacts>();

function factsOf(model: DockerfileModel): FinalFacts {
  let hit = cache.get(model);
  if (!hit) {
    const stages = new Set<Stage>();
    for (const target of model.targets) for (const stage of model.finalChain(target)) stages.add(stage);
    hit = { stages, facts: new Map() };
    cache.set(model, hit);
  }
  return hit;
}

/** Every stage whose layers end up in a target image (targets and their `FROM <stage>` ancestry). */
export function finalStages(model: DockerfileModel): ReadonlySet<Stage> {
  return factsOf(model).stages;
}

/** True when `instr` adds to a shipped image (ONBUILD triggers do not run in this build). */
export function inFinalImage(model: DockerfileModel, instr: Instr): boolean {
  return instr.keyword !== 'ONBUILD' && instr.stage !== undefined && factsOf(model).stages.has(instr.stage);
}

/** RUN instructions of the final image (ONBUILD triggers excluded: they run in child images). */
export function finalImageRuns(model: DockerfileModel): Instr[] {
  return model.instructions.filter((i) => i.keyword === 'RUN' && inFinalImage(model, i));
}

/** `stage` followed by the stages it is built `FROM`, nearest first (a FROM cycle is cut). A fresh array. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // A parent is an earlier stage: one with a lower index than every stage so far cannot be in the chain yet,
  // so only an unusual parent needs the (linear) check that cuts a cycle. Checking every step made a chain of
  // n stages cost n² per call.
  let lowest = Number.POSITIVE_INFINITY;
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    if (s.index >= lowest && chain.includes(s)) break;
    lowest = Math.min(lowest, s.index);
    chain.push(s);
  }
  return chain;
}

/** The stage at the root of `stage`'s chain: the one built FROM an image (or scratch). */
export function rootStage(stage: Stage): Stage {
  const chain = stageChain(stage);
  return chain[chain.length - 1]!;
}

/**
 * Instructions that run in `stage`'s image before `at` (all of them without `at`), oldest first: the root
 * stage's first, then each child's. ONBUILD triggers are left out.
 */
export function chainInstructions(stage: Stage, at?: Instr): Instr[] {
  const out: Instr[] = [];
  for (const s of stageChain(stage).reverse()) {
    for (const instr of s.instructions) {
      if (at && s === stage && instr.index >= at.index) break;
      if (instr.keyword !== 'ONBUILD') out.push(instr);
    }
  }
  return out;
}

/**
 * The last instruction of `chainInstructions(stage, at)` that `test` accepts, found from the end without
 * building the list: "who is USER here", "which ENV sets HOME" are asked for every RUN and COPY.
 */
export function findLastInChain(stage: Stage, at: Instr | undefined, test: (instr: Instr) => boolean): Instr | undefined {
  for (const s of stageChain(stage)) {
    const instrs = s.instructions;
    let k = instrs.length - 1;
    if (at && s === stage) {
      // Instructions before `at`: the same cut as chainInstructions (the first one at or after `at` ends the stage).
      const cut = instrs.findIndex((i) => i.index >= at.index);
      if (cut >= 0) k = cut - 1;
    }
    for (; k >= 0; k--) {
      const instr = instrs[k]!;
      if (instr.keyword !== 'ONBUILD' && test(instr)) return instr;
    }
  }
  return undefined;
}

/** The base image reference at the root of `stage`'s chain as written after ARG expansion; undefined when unknown. */
export function rootImageText(stage: Stage): string | undefined {
  const root = rootStage(stage);
  if (root.base.kind === 'scratch') return 'scratch';
  if (root.base.kind !== 'image') return undefined;
  return root.base.resolved;
}

/** Curated facts of the image `stage` is ultimately built on; `known: false` when unknown or unresolved. */
export function baseFactsOf(model: DockerfileModel, stage: Stage): ImageFacts {
  const memo = factsOf(model);
  const hit = memo.facts.get(stage);
  if (hit) return hit;
  const root = rootStage(stage);
  // A root that is still a stage means the chain is a FROM cycle: unknown.
  const text = (root.base.kind === 'stage' ? undefined : rootImageText(stage)) ?? '$unknown';
  let facts = describedImages.get(text);
  if (!facts) {
    // Bounded: image texts come from the documents being edited; a full table starts again rather than grow.
    if (describedImages.size >= DESCRIBED_IMAGES_LIMIT) describedImages.clear();
    facts = describeImageText(text);
    describedImages.set(text, facts);
  }
  memo.facts.set(stage, facts);
  return facts;
}

/**
 * Facts by root image text, shared by every model: describing an image is a pure function of its text, the facts
 * are read-only, and the stages of a file (and the versions of a document as it is edited) mostly share a few
 * base images.
 */
const describedImages = new Map<string, ImageFacts>();
const DESCRIBED_IMAGES_LIMIT = 512;

/** A short label of a stage's root image for messages: `python:3.12-slim`. */
export function baseLabel(stage: Stage): string {
  return rootImageText(stage) ?? 'its base image';
}
