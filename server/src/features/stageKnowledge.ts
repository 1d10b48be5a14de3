/**
 * The stage card's optional knowledge, from the analysis models: curated base-image facts (family, libc,
 * SDK vs runtime, default user) and the build-only packages a stage installs (compilers, headers, build
 * tools; packages removed again later in the same RUN are left out).
 */
import { describeImageText } from '../analysis/baseImages';
import { packageOpsOf } from '../analysis/instrPackages';
import type { DockerfileModel, Stage } from '../analysis/model';
import { classifyPackage } from '../analysis/packageClasses';
import { removalOf } from '../analysis/packages';
import type { StageHoverSources } from './stageHover';

export function buildOnlyPackages(model: DockerfileModel, stage: Stage): string[] {
  const names = new Set<string>();
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'RUN') continue;
    const ops = packageOpsOf(model, instr);
    for (const install of ops.installs) {
      for (const pkg of install.packages) {
        if (pkg.kind !== 'name') continue;
        if (classifyPackage(pkg.name, install.ecosystem).class !== 'build-tool') continue;
        if (removalOf(ops, install, pkg)) continue;
        names.add(pkg.name);
      }
    }
  }
  return [...names];
}

export const stageKnowledge: StageHoverSources = {
  describeImage: (reference) => {
    const facts = describeImageText(reference);
    return facts.known ? facts : undefined;
  },
  buildOnlyPackages,
};
