/**
 * The ARG/ENV scopes of a model, memoised. A scope is rebuilt from the stage's declarations every time it is
 * computed, and rules ask for one per word of every COPY, WORKDIR, RUN operand, …: computing each scope once
 * per model (global) and once per instruction (in a stage) turned that into a lookup.
 */
import { expand, globalScope, stageScope, type Binding } from './args';
import type { DockerfileModel, Instr, Stage } from './model';

const globalCache = new WeakMap<DockerfileModel, Map<string, Binding>>();
const instrCache = new WeakMap<Instr | Stage, Map<string, Binding>>();

/** The scope FROM lines see (global ARGs and the predefined platform args). */
export function globalScopeOf(model: DockerfileModel): Map<string, Binding> {
  let global = globalCache.get(model);
  if (!global) {
    global = globalScope(model.globalArgs, model.escapeChar);
    globalCache.set(model, global);
  }
  return global;
}

/** `stageScope(stage, at, …)` with the model's global scope; memoised when `at` is in `stage` or absent. */
export function stageScopeOf(model: DockerfileModel, stage: Stage, at: Instr | undefined): Map<string, Binding> {
  const key = at && at.stage === stage ? at : at ? undefined : stage;
  let scope = key ? instrCache.get(key) : undefined;
  if (!scope) {
    scope = stageScope(stage, at, globalScopeOf(model), model.escapeChar);
    if (key) instrCache.set(key, scope);
  }
  return scope;
}

/** The scope `model.expand(text, at)` uses: global for FROM lines and global ARGs, else the stage's at `at`. */
export function scopeFor(model: DockerfileModel, at: Instr | undefined): Map<string, Binding> {
  return !at || !at.stage || at.keyword === 'FROM' ? globalScopeOf(model) : stageScopeOf(model, at.stage, at);
}

/** Exactly `model.expand(text, at)`, with the memoised scope. */
export function expandCached(model: DockerfileModel, text: string, at: Instr | undefined): { value: string; unresolved: string[] } {
  const r = expand(text, scopeFor(model, at), model.escapeChar);
  return { value: r.value, unresolved: r.unresolved };
}
