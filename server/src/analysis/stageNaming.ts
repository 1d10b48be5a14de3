/**
 * Names for stages: which names say nothing about the stage (`stage1`, `tmp`), and a name derived from what the
 * stage does (its role, see `stageRole.ts`) that no other stage uses yet. Shared by the rules that name or rename
 * stages and by the rename refactor.
 */
import { ObjectMemo } from './memo';
import type { DockerfileModel, Stage } from './model';
import { inferStageRole, type StageRole } from './stageRole';

/** A word that could name anything, optionally followed by a number (`stage1`, `stage-2`, `s1`, `build1`, `base2`). */
const NUMBERED = /^(?:stage|step|s|build|base|tmp|temp|image|img|layer|phase|part|target)[-_.]?\d+$/;
const PLACEHOLDER = /^(?:stage|step|tmp|temp|temporary|foo|bar|baz|dummy|x)$/;

export function isGenericStageName(key: string): boolean {
  return NUMBERED.test(key) || PLACEHOLDER.test(key);
}

const ROLE_NAMES: Readonly<Record<StageRole, string | undefined>> = {
  builder: 'builder',
  dependencies: 'deps',
  test: 'test',
  runtime: 'runtime',
  final: 'runtime',
  base: 'base',
  stage: undefined,
};

/** BuildKit reserves these; a stage may not carry them. */
const RESERVED = new Set(['scratch', 'context']);

/**
 * A name for `stage` from its role, made unique against the other stages (`builder`, `builder-2`, …); undefined
 * when the role is not evident.
 */
export function suggestStageName(model: DockerfileModel, stage: Stage, fallback?: string): string | undefined {
  const base = ROLE_NAMES[inferStageRole(model, stage)] ?? fallback;
  if (!base) return undefined;
  const counts = nameCounts(model);
  // Taken by another stage: carried by more stages than `stage` itself accounts for.
  const taken = (key: string): boolean => (counts.get(key) ?? 0) > (stage.name?.key === key ? 1 : 0);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken(candidate) && !RESERVED.has(candidate)) return candidate;
  }
}

/** Per model: a name is suggested for each generic stage, and collecting the names each time was quadratic. */
const countCache = new ObjectMemo<DockerfileModel, ReadonlyMap<string, number>>();

/** How many stages carry each (lower-cased) name. */
function nameCounts(model: DockerfileModel): ReadonlyMap<string, number> {
  let counts = countCache.get(model);
  if (!counts) {
    const map = new Map<string, number>();
    for (const s of model.stages) if (s.name) map.set(s.name.key, (map.get(s.name.key) ?? 0) + 1);
    countCache.set(model, (counts = map));
  }
  return counts;
}
