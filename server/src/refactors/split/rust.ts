/**
 * Rust: the binary from `cargo build` (under `target/`) or `cargo install` (in `$CARGO_HOME/bin`, which the
 * runtime gets as `/usr/local/bin`). The runtime is the builder's Debian release in its slim form, with CA
 * certificates (which also bring the release's OpenSSL library): most services talk TLS, and a binary linked
 * against OpenSSL needs the library.
 */
import { commandArgs, commandName, findOptionIn } from '../../analysis/shell';
import type { SplitAnalysis } from './analysis';
import { inTree, runtimePath, writtenByBuild } from './compiled';
import { runtimeImageOf, type Artifact, type EcosystemPlan, type Planner } from './plan';

const CARGO_BIN = '/usr/local/cargo/bin';

function cargoSteps(analysis: SplitAnalysis): { builds: boolean; installs: boolean; root: string | undefined } | undefined {
  let builds = false;
  let installs = false;
  let root: string | undefined;
  for (const [instr, cmds] of analysis.commands) {
    if (analysis.runKinds.get(instr) !== 'other') continue;
    for (const cmd of cmds) {
      if (commandName(cmd) !== 'cargo') continue;
      const args = commandArgs(cmd);
      const sub = args[0]?.value;
      if (sub === 'build') builds = true;
      if (sub === 'install' && findOptionIn(args, ['--path'], true)) {
        installs = true;
        root = findOptionIn(args, ['--root'], true)?.value ?? root;
      }
    }
  }
  return builds || installs ? { builds, installs, root } : undefined;
}

export const rustPlanner: Planner = {
  ecosystem: 'rust',
  recognises: (analysis) => analysis.facts.language.name === 'rust',
  plan(analysis): EcosystemPlan | undefined {
    const runtime = runtimeImageOf(analysis);
    const steps = cargoSteps(analysis);
    if (!runtime || !steps) return undefined;
    const binDir = steps.root !== undefined ? `${steps.root.replace(/\/$/, '')}/bin` : CARGO_BIN;
    const artifacts: Artifact[] = [];
    for (const program of analysis.programs) {
      const exe = program.executable;
      if (!exe.includes('/')) {
        if (steps.installs) artifacts.push({ from: `${binDir}/${exe}`, to: `/usr/local/bin/${exe}` });
        continue;
      }
      const path = runtimePath(analysis, exe);
      if (!path) return undefined;
      if ((inTree(analysis, path) && /\/target\//.test(path)) || writtenByBuild(analysis, path)) artifacts.push({ from: path, to: path });
    }
    if (artifacts.length === 0) return undefined;
    return {
      ecosystem: 'rust',
      runtimeImage: runtime.reference,
      artifacts: dedupe(artifacts),
      afterArtifacts: [],
      builderBefore: new Map(),
      builderAfter: new Map(),
      linksLibraries: true,
      extraPackages: runtime.facts.packageManager === 'apt' ? ['ca-certificates'] : [],
      provides: (name) => artifacts.some((a) => a.to === `/usr/local/bin/${name}`),
    };
  },
};

export function dedupe(artifacts: readonly Artifact[]): Artifact[] {
  return artifacts.filter((a, i) => artifacts.findIndex((b) => b.from === a.from && b.to === a.to) === i);
}
