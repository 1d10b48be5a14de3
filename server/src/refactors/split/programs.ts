/** Whether every program the container or its HEALTHCHECK starts exists in the runtime image. */
import type { ImageFacts } from '../../analysis/baseImages';
import { resolvePath, type SplitAnalysis } from './analysis';
import { Declined } from './declined';
import type { EcosystemPlan } from './plan';
import { within } from './runKinds';

/** Commands any image with a shell has (coreutils or BusyBox, shell builtins). */
const BASIC = new Set([
  'sh', 'exec', 'exit', 'return', '.', 'source', 'wait', 'echo', 'test', '[', 'true', 'false', 'cd', 'set', 'export', 'cat', 'sleep',
  'env', 'printf', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'kill', 'id',
]);
/** Directories of the default PATH, where a bare command name is looked up. */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Declines when a program of the container or its HEALTHCHECK would be missing from the runtime image. */
export function checkPrograms(analysis: SplitAnalysis, plan: EcosystemPlan, facts: ImageFacts, specs: readonly string[], provided: readonly string[], noShell: boolean): Declined | undefined {
  if (analysis.programs.length === 0) return new Declined('the image starts no program');
  const packageNames = new Set(specs.map((s) => s.split(/[=<>@]/)[0]!));
  for (const program of analysis.programs) {
    if (program.viaShell && noShell) return new Declined('a shell-form command needs a shell', true);
    const exe = program.executable;
    if (exe.includes('/')) {
      const path = resolvePath(analysis.finalWorkdir, exe);
      if (!path || !provided.some((p) => within(path, p.replace(/\/$/, '') || '/'))) return new Declined(`'${exe}' is not in the runtime image`);
      // A file from the build context (not a compiled artifact) is a script: it needs its interpreter's shell.
      const artifact = plan.artifacts.some((a) => within(path, a.to.replace(/\/$/, '') || '/'));
      if (noShell && !artifact) return new Declined(`'${exe}' is a script and needs a shell`, true);
      continue;
    }
    if (plan.provides(exe) || packageNames.has(exe)) continue;
    const onPath = provided.find((p) => PATH_DIRS.some((d) => p === `${d}/${exe}`));
    if (onPath !== undefined) {
      const artifact = plan.artifacts.some((a) => a.to === onPath);
      if (noShell && !artifact) return new Declined(`'${exe}' is a script and needs a shell`, true);
      continue;
    }
    const tool = exe as keyof ImageFacts['tools'];
    if (tool in facts.tools && facts.tools[tool] === 'yes') continue;
    if (!noShell && BASIC.has(exe)) continue;
    return new Declined(`'${exe}' is not in the runtime image`, noShell);
  }
  return undefined;
}
