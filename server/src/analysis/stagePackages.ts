/**
 * Packages each stage installs and keeps, classified as build tool / runtime / unknown (packageClasses.ts).
 * A package counts as kept unless a removal takes it away again: in the same RUN (`apk add --virtual
 * .build-deps … && apk del .build-deps`, `apt-get purge --auto-remove` after `apt-mark auto`), or in a later
 * RUN of the same image chain (`apt-get purge -y gcc`).
 */
import { stageChain } from './finalImage';
import { packageOpsOf } from './instrPackages';
import type { DockerfileModel, Instr, Stage } from './model';
import { classifyPackage, type Classification } from './packageClasses';
import { removalOf, type PackageInstall, type PackageRef, type PackageRemoval } from './packages';
import { normalizeName } from './packageSpecs';
import { shellScriptsOf, type RunScript } from './runScript';
import { commandArgs, commandName, type ShellCommand } from './shell';

export interface InstalledPackage {
  readonly instr: Instr;
  /** The script holding the install command (for `commandRange`). */
  readonly script: RunScript;
  readonly install: PackageInstall;
  readonly pkg: PackageRef;
  readonly classification: Classification;
}

const cache = new WeakMap<Stage, readonly InstalledPackage[]>();

/** Packages installed by `stage`'s own RUNs and not removed again in the same RUN. */
export function stagePackages(model: DockerfileModel, stage: Stage): readonly InstalledPackage[] {
  const hit = cache.get(stage);
  if (hit) return hit;
  const out: InstalledPackage[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'RUN') continue;
    const ops = packageOpsOf(model, instr);
    if (ops.installs.length === 0) continue;
    const scripts = shellScriptsOf(model, instr);
    for (const install of ops.installs) {
      const script = scripts.find((s) => s.script.commands.includes(install.command));
      if (!script) continue;
      const purgedLater = aptPurgesEverythingAfter(script.script.commands, install);
      for (const pkg of install.packages) {
        if (purgedLater || removalOf(ops, install, pkg)) continue;
        out.push({ instr, script, install, pkg, classification: pkg.kind === 'name' ? classifyPackage(pkg.name, install.ecosystem) : { class: 'unknown', reason: 'not a package name' } });
      }
    }
  }
  cache.set(stage, out);
  return out;
}

/** Removals of `stage`'s chain after `instr` (later RUNs of the same image). */
function laterRemovals(model: DockerfileModel, stage: Stage, instr: Instr): PackageRemoval[] {
  const out: PackageRemoval[] = [];
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN') continue;
      // Later in file order within the chain: parents come first in the file (FROM resolves to earlier stages).
      if (i.index <= instr.index) continue;
      out.push(...packageOpsOf(model, i).removals);
    }
  }
  return out;
}

/**
 * Packages present in the image of `stage`: installed anywhere in its chain and not removed afterwards (in
 * the same RUN or a later one).
 */
export function keptPackages(model: DockerfileModel, stage: Stage): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const s of stageChain(stage).reverse()) {
    for (const p of stagePackages(model, s)) {
      const later = laterRemovals(model, stage, p.instr);
      const name = normalizeName(p.pkg.name, p.install.ecosystem);
      const removed = later.some((r) => r.ecosystem === p.install.ecosystem &&
        r.packages.some((q) => normalizeName(q.name, r.ecosystem) === name || (p.install.group !== undefined && q.name === p.install.group)));
      if (!removed) out.push(p);
    }
  }
  return out;
}

/**
 * The official images' idiom in its piped form: `apt-mark showmanual | xargs apt-mark auto` (or `apt-mark auto
 * '.*'`) after the install, then `apt-get purge -y --auto-remove`: every package installed since the saved
 * manual list is removed again.
 */
function aptPurgesEverythingAfter(commands: readonly ShellCommand[], install: PackageInstall): boolean {
  if (install.ecosystem !== 'deb') return false;
  const from = commands.indexOf(install.command);
  let marked = false;
  for (const cmd of commands.slice(from + 1)) {
    const name = commandName(cmd);
    const args = commandArgs(cmd).map((w) => w.value);
    if ((name === 'apt-mark' && args[0] === 'auto') || (name === 'xargs' && args.includes('apt-mark') && args.includes('auto'))) marked = true;
    const purge = (name === 'apt-get' || name === 'apt') && (args.includes('autoremove') || ((args.includes('purge') || args.includes('remove')) && args.some((a) => a === '--auto-remove' || a === '--autoremove')));
    if (marked && purge) return true;
  }
  return false;
}
