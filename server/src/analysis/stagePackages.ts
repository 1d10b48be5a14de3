/**
 * Packages each stage installs and keeps, classified as build tool / runtime / unknown (packageClasses.ts).
 * A package counts as kept unless a removal takes it away again: in the same RUN (`apk add --virtual
 * .build-deps … && apk del .build-deps`, `apt-get purge --auto-remove` after `apt-mark auto`), or in a later
 * RUN of the same image chain (`apt-get purge -y gcc`).
 */
import { ObjectMemo } from './memo';
import { stageChain } from './finalImage';
import { packageOpsOf } from './instrPackages';
import type { DockerfileModel, Instr, Stage } from './model';
import { classifyPackage, type Classification } from './packageClasses';
import { removalOf, type PackageInstall, type PackageRef, type PackageRemoval } from './packages';
import { normalizeName } from './packageSpecs';
import { shellScriptsOf, type RunScript } from './runScript';

export interface InstalledPackage {
  readonly instr: Instr;
  /** The script holding the install command (for `commandRange`). */
  readonly script: RunScript;
  readonly install: PackageInstall;
  readonly pkg: PackageRef;
  readonly classification: Classification;
}

const cache = new ObjectMemo<Stage, readonly InstalledPackage[]>();

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
      for (const pkg of install.packages) {
        if (removalOf(ops, install, pkg)) continue;
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
