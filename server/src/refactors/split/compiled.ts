/**
 * Shared by the compiled ecosystems (Rust, Java, .NET): which files the container runs, judged from its
 * CMD/ENTRYPOINT and from what the build steps wrote.
 */
import type { SplitAnalysis } from './analysis';
import { resolvePath } from './analysis';

/** Whether a build step names `path` (or its directory) as a word, e.g. `cp target/release/app /usr/local/bin/`. */
export function writtenByBuild(analysis: SplitAnalysis, path: string): boolean {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  for (const [instr, cmds] of analysis.commands) {
    if (analysis.runKinds.get(instr) !== 'other') continue;
    for (const cmd of cmds) {
      if (cmd.words.some((w) => w.value === path || w.value === dir || w.value === dir.replace(/\/$/, ''))) return true;
    }
  }
  return false;
}

/** Absolute path of a program or file argument as the container sees it (relative to the final WORKDIR). */
export function runtimePath(analysis: SplitAnalysis, path: string): string | undefined {
  return resolvePath(analysis.finalWorkdir, path);
}

/** Whether `path` lies in the build tree (the sources and everything built next to them). */
export function inTree(analysis: SplitAnalysis, path: string): boolean {
  const tree = analysis.tree;
  return tree !== undefined && tree !== '/' && path.startsWith(`${tree}/`);
}
