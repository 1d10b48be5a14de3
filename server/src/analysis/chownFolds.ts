/**
 * `RUN chown -R <owner> <path>` right after COPY/ADD filled `<path>`: the files are stored twice (once by
 * the COPY layer, once more with the new owner). `COPY --chown=<owner>` gives the same result in one layer.
 * Only paths whose content comes from those COPY/ADD alone are considered: if a RUN, a parent stage or the
 * base image put files there too, the chown also changes those, and folding it would not be equivalent.
 */
import { baseFactsOf, finalStages, stageChain } from './finalImage';
import { chownCommands, type ChownCommand } from './chownCommands';
import { copyDestination } from './flows';
import type { DockerfileModel, Instr, Stage } from './model';
import { isUnder, pathsOverlap } from './paths';
import { baseMayShip, isApplicationPath, stagePaths } from './producedPaths';

export interface ChownFold {
  readonly chown: ChownCommand;
  /** The COPY/ADD instructions (without --chown) whose files the chown rewrites. */
  readonly copies: readonly Instr[];
  /** The chown is the RUN's only command (the RUN can go). */
  readonly onlyCommand: boolean;
  /** Chowned paths that existed as (root-owned) directories before the COPY: their own owner must still be set. */
  readonly preexisting: readonly string[];
}

export function chownFolds(model: DockerfileModel): ChownFold[] {
  const out: ChownFold[] = [];
  const shipped = finalStages(model);
  for (const stage of model.stages) {
    if (!shipped.has(stage)) continue;
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const chown of chownCommands(model, instr)) {
        if (!chown.recursive || chown.owner === undefined || chown.unknownPaths || chown.paths.length === 0) continue;
        const fold = foldOf(model, stage, chown);
        if (fold) out.push(fold);
      }
    }
  }
  return out;
}

function foldOf(model: DockerfileModel, stage: Stage, chown: ChownCommand): ChownFold | undefined {
  const run = chown.instr;
  const copies: Instr[] = [];
  const preexisting: string[] = [];
  for (const path of chown.paths) {
    // System paths are filled by packages too (`/etc/nginx`); only application paths are the copies' alone.
    if (!isApplicationPath(path, false) || baseMayShip(baseFactsOf(model, stage), path)) return undefined;
    // Earlier commands of the same RUN that write there.
    if (stagePaths(model, stage).productions.some((p) => p.instr === run && p.kind !== 'mention' && (p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path)))) return undefined;
    // Parent stages' files under the path would be rewritten too.
    for (const parent of stageChain(stage).slice(1)) {
      if (stagePaths(model, parent).productions.some((p) => (p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path)))) return undefined;
    }
    let filled = false;
    let existed = false;
    for (const p of stagePaths(model, stage).productions) {
      if (p.instr.index >= run.index) continue;
      const inside = p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path);
      if (!inside) continue;
      if (p.instr.keyword === 'COPY' || p.instr.keyword === 'ADD') {
        const dest = copyDestination(model, p.instr)?.replace(/\/$/, '') || '/';
        if (!isUnder(dest, path)) {
          // A copy into a parent directory whose files were already given this owner by an earlier chown -R.
          if (alreadyOwned(model, stage, p.instr, run, path, chown.owner!)) continue;
          return undefined;
        }
        if (p.instr.flag('chown')) continue;
        if (!copies.includes(p.instr)) copies.push(p.instr);
        filled = true;
      } else if (p.kind === 'workdir' || p.kind === 'mkdir' || p.kind === 'home') {
        if (p.path === path || isUnder(path, p.path)) existed = true;
        else return undefined;
      } else {
        // A RUN wrote there (or may have): the chown covers more than copied files.
        return undefined;
      }
    }
    if (!filled) return undefined;
    if (existed) preexisting.push(path);
  }
  if (copies.length === 0) return undefined;
  const commands = chown.script.script.commands.filter((c) => c.words.length > 0);
  const onlyCommand = commands.length === 1 && chown.script.form === 'shell' && run.heredocs.length === 0 &&
    chown.script.script.commands.every((c) => c.redirects.length === 0);
  return { chown, copies: copies.sort((a, b) => a.index - b.index), onlyCommand, preexisting };
}

/** An earlier recursive chown to `owner`, between `copy` and `run`, covers `path`. */
function alreadyOwned(model: DockerfileModel, stage: Stage, copy: Instr, run: Instr, path: string, owner: string): boolean {
  return stage.instructions.some((i) => i.keyword === 'RUN' && i.index > copy.index && i.index < run.index &&
    chownCommands(model, i).some((c) => c.recursive && c.owner === owner && c.paths.some((p) => isUnder(path, p))));
}
