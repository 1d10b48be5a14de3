/**
 * The value of an environment variable at a point of a stage: `ENV` inherited through `FROM <stage>` and the
 * stage's own `ENV`/`ARG` before that point (ARGs are in the environment of RUN commands, not of the
 * running container). Used for `HOME`, `PATH`, `CGO_ENABLED`, `PYTHONUSERBASE`, …
 */
import { envPairsOf } from './args';
import { findLastInChain } from './finalImage';
import type { DockerfileModel, Instr, Stage } from './model';

export interface EnvBinding {
  /** The value; undefined when it is only known at build time. */
  readonly value: string | undefined;
  readonly kind: 'env' | 'arg';
  /** The ENV or ARG instruction that sets it last. */
  readonly instr: Instr | undefined;
}

/**
 * `name` as seen by `at` (or at the end of `stage`). `runtime` limits the answer to ENV (what a container
 * started from the image sees); otherwise ARGs count too (what a RUN sees).
 */
export function envAt(model: DockerfileModel, stage: Stage, name: string, at?: Instr, runtime = false): EnvBinding | undefined {
  const scope = model.stageScopeAt(stage, at);
  const binding = scope.get(name);
  if (!binding || (binding.kind !== 'env' && binding.kind !== 'arg')) return undefined;
  // An ARG of the same name hides an earlier ENV from RUN but not from the container: call it unknown.
  if (runtime && binding.kind !== 'env') {
    const env = lastSetter(stage, name, at, 'ENV');
    return env ? { value: undefined, kind: 'env', instr: env } : undefined;
  }
  return { value: binding.value, kind: binding.kind, instr: lastSetter(stage, name, at, binding.kind === 'env' ? 'ENV' : 'ARG') };
}

function lastSetter(stage: Stage, name: string, at: Instr | undefined, keyword: 'ENV' | 'ARG'): Instr | undefined {
  return findLastInChain(stage, at, (i) => {
    if (i.keyword !== keyword) return false;
    if (keyword === 'ENV') return envPairsOf(i).some(([n]) => n === name);
    return i.args.some((t) => t.value === name || t.value.startsWith(name + '='));
  });
}
