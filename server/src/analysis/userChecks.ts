/**
 * Users and ownership across the image chain, as the user/permission rules need them:
 * - `missingUsers`: `USER name` lines naming an account that does not exist at that point (not created in
 *   the chain, not shipped by the curated base image, and nothing else could have created it);
 * - `copiesNeedingChown`: COPY/ADD that leave root-owned files for a non-root runtime user.
 */
import type { ImageFacts } from './baseImages';
import { baseFactsOf, finalStages, rootImageText, stageChain } from './finalImage';
import type { DockerfileModel, Instr, Stage } from './model';
import { copyDestination } from './flows';
import { chownCommands } from './chownCommands';
import { ObjectMemo } from './memo';
import { isUnder } from './paths';
import { isApplicationPath } from './producedPaths';
import { effectiveUser, homeOf, isRoot, userExists } from './users';
import { argumentText, wordValue } from './wordValue';

export interface MissingUser {
  readonly instr: Instr;
  readonly stage: Stage;
  readonly user: string;
  readonly group: string | undefined;
  readonly facts: ImageFacts;
  readonly image: string;
  /** The first RUN that executes as the missing user (the build fails there); undefined when none does. */
  readonly failingRun: Instr | undefined;
  readonly shipped: boolean;
}

/** USER lines (in stages the build reaches) whose named user certainly does not exist. */
export function missingUsers(model: DockerfileModel): MissingUser[] {
  const out: MissingUser[] = [];
  const shipped = finalStages(model);
  for (const stage of model.stages) {
    if (!model.isReachable(stage)) continue;
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'USER') continue;
      const value = wordValue(model, argumentText(model, instr).trim(), instr);
      if (!value.known || value.value === '') continue;
      const [user = '', group] = value.value.split(':');
      if (userExists(model, stage, user, instr).exists !== 'no') continue;
      const facts = baseFactsOf(model, stage);
      out.push({
        instr, stage, user, group, facts, image: rootImageText(stage) ?? facts.repository,
        failingRun: runAfter(model, stage, instr), shipped: shipped.has(stage),
      });
    }
  }
  return out;
}

/** The next RUN executed under the USER set by `instr` (same stage, or stages built FROM it). */
function runAfter(model: DockerfileModel, stage: Stage, instr: Instr): Instr | undefined {
  for (const i of stage.instructions) {
    if (i.index <= instr.index) continue;
    if (i.keyword === 'USER') return undefined;
    if (i.keyword === 'RUN') return i;
  }
  for (const child of model.stages) {
    if (child.parent !== stage || !stageChain(child).includes(stage)) continue;
    const hit = child.instructions.find((i) => i.keyword === 'RUN' || i.keyword === 'USER');
    if (hit?.keyword === 'RUN') return hit;
  }
  return undefined;
}

export interface ChownNeed {
  readonly instr: Instr;
  readonly stage: Stage;
  /** The user the files should belong to: its USER value as written (`app`, `app:app`, `$APP_UID`). */
  readonly owner: string;
  readonly user: string;
  /** `after-user`: the COPY runs after a non-root USER; `into-home`: it writes into the runtime user's home. */
  readonly reason: 'after-user' | 'into-home';
  /** The USER line that makes the user the owner-to-be. */
  readonly userInstr: Instr;
  readonly dest: string;
}

/**
 * COPY/ADD without `--chown` in the final image that leave root-owned files where a non-root user works:
 * after a non-root USER into an application path (not `/usr/local/bin` and other system paths, where root
 * ownership is what one wants), or into the home directory of the user the container runs as. `--chmod`
 * counts as a deliberate choice of permissions.
 */
export function copiesNeedingChown(model: DockerfileModel): ChownNeed[] {
  const out: ChownNeed[] = [];
  const seen = new Set<Instr>();
  for (const target of model.targets) {
    const runtime = effectiveUser(model, target);
    for (const stage of stageChain(target).reverse()) {
      for (const instr of stage.instructions) {
        if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || seen.has(instr)) continue;
        if (instr.flag('chown') || instr.flag('chmod')) continue;
        const dest = copyDestination(model, instr);
        if (dest === undefined) continue;
        const clean = dest.replace(/\/$/, '') || '/';
        if (chownedLater(model, target, instr, clean)) continue;
        const eff = effectiveUser(model, stage, instr);
        if (eff.instr && eff.written !== undefined && isRoot(eff.user) === 'no' && isApplicationPath(clean, false)) {
          seen.add(instr);
          out.push({ instr, stage, owner: eff.written, user: eff.user!, reason: 'after-user', userInstr: eff.instr, dest: clean });
          continue;
        }
        if (isRoot(eff.user) !== 'yes' || !runtime.instr || runtime.written === undefined || isRoot(runtime.user) !== 'no') continue;
        const home = homeOf(model, target, runtime.user!);
        // The user's own state (`~/.local`, `~/.cache`, `~/.config`): its tools write there.
        if (home === undefined || !home.startsWith('/home/') || !isUnder(clean, home) || !/^\/\./.test(clean.slice(home.length))) continue;
        seen.add(instr);
        out.push({ instr, stage, owner: runtime.written, user: runtime.user!, reason: 'into-home', userInstr: runtime.instr, dest: clean });
      }
    }
  }
  return out;
}

/** A later `RUN chown` in the image chain covers `dest` (the ownership is repaired, see `prefer-copy-chown`). */
function chownedLater(model: DockerfileModel, target: Stage, after: Instr, dest: string): boolean {
  for (const c of chainChowns(model, target)) {
    if (c.index > after.index && c.paths.some((p) => isUnder(dest, p))) return true;
  }
  return false;
}

interface ChainChown {
  /** Index of the RUN that changes the ownership. */
  readonly index: number;
  readonly paths: readonly string[];
}

/**
 * The `chown` commands of every RUN in `target`'s chain, memoised per target: each COPY of the chain asks,
 * and reading every instruction of the chain for every COPY cost copies × instructions on a long file.
 */
function chainChowns(model: DockerfileModel, target: Stage): readonly ChainChown[] {
  let hit = chainChownCache.get(target);
  if (!hit) {
    const out: ChainChown[] = [];
    for (const stage of stageChain(target)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        for (const c of chownCommands(model, instr)) out.push({ index: instr.index, paths: c.paths });
      }
    }
    hit = out;
    chainChownCache.set(target, hit);
  }
  return hit;
}

const chainChownCache = new ObjectMemo<Stage, readonly ChainChown[]>();
