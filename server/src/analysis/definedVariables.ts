/**
 * Which variable names are defined at a point of a stage, the way BuildKit decides it when it expands `$VAR` in
 * COPY, ENV, WORKDIR, … (its UndefinedVar check): the expansion environment is the stage's build state, which
 * starts as the parent stage's state when the stage is built `FROM <stage>`, ENV *and* ARG values included
 * (dispatchArg adds an ARG's value to the state's environment, and a child stage starts from that state), and
 * grows with each ARG and ENV of the stage. The base image's own ENV is not known here (see imageEnv.ts).
 */
import { argDeclsOf, envDeclsOf } from './args';
import { stageChain } from './finalImage';
import { ObjectMemo } from './memo';
import type { Instr, Stage } from './model';

/** ARG and ENV names the stages `stage` is built FROM define (all of their instructions count). */
export function inheritedVariables(stage: Stage, escapeChar: string): Set<string> {
  const names = new Set<string>();
  for (const parent of stageChain(stage).slice(1)) for (const name of namesDefinedIn(parent, escapeChar)) names.add(name);
  return names;
}

/**
 * The names a stage's own instructions define, in the order they are first defined, memoised: every stage built
 * FROM it asks again, so re-reading the declarations made a chain of n stages parse the first stage's ARG/ENV
 * lines n times.
 */
const ownNames = new ObjectMemo<Stage, { readonly escapeChar: string; readonly names: ReadonlySet<string> }>();

function namesDefinedIn(stage: Stage, escapeChar: string): ReadonlySet<string> {
  const hit = ownNames.get(stage);
  if (hit && hit.escapeChar === escapeChar) return hit.names;
  const names = new Set<string>();
  for (const instr of stage.instructions) addNamesDefinedBy(instr, escapeChar, names);
  ownNames.set(stage, { escapeChar, names });
  return names;
}

/** Adds the names `instr` defines to `names` (`namesDefinedBy` without building an array). */
export function addNamesDefinedBy(instr: Instr, escapeChar: string, names: Set<string>): void {
  if (instr.keyword === 'ARG') for (const d of argDeclsOf(instr, escapeChar)) names.add(d.name);
  else if (instr.keyword === 'ENV') for (const d of envDeclsOf(instr)) names.add(d.name);
}

/** Names an ARG or ENV instruction defines (none for other instructions). */
export function namesDefinedBy(instr: Instr, escapeChar: string): string[] {
  if (instr.keyword === 'ARG') return argDeclsOf(instr, escapeChar).map((d) => d.name);
  if (instr.keyword === 'ENV') return envDeclsOf(instr).map((d) => d.name);
  return [];
}
