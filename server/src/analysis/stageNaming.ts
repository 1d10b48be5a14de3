/**
 * Names for stages: which names say nothing about the stage (`stage1`, `tmp`), and a name derived from what the
 * stage does (its role, see `stageRole.ts`) that no other stage uses yet. Shared by the rules that name or rename
 * stages and by the rename refactor.
 */
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
  const taken = new Set(model.stages.filter((s) => s !== stage && s.name).map((s) => s.name!.key));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && !RESERVED.has(candidate)) return candidate;
  }
}
