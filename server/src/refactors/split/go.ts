/**
 * Go: the builder compiles a static binary (`CGO_ENABLED=0`), the runtime holds only the binary. The runtime is
 * `gcr.io/distroless/static` of the builder's Debian release when the image needs nothing else (no shell, no
 * packages beyond CA certificates and time zones, which it ships, no users to create); otherwise the builder's
 * own OS in its smallest form (`debian:<release>-slim`, or `alpine:<release>` for an Alpine builder).
 */
import { describeImageText } from '../../analysis/baseImages';
import { commandArgs, commandName, findOptionIn, type ShellCommand } from '../../analysis/shell';
import { keyword } from '../style';
import { resolvePath, type SplitAnalysis } from './analysis';
import { insertions, type Artifact, type EcosystemPlan, type Planner } from './plan';

const PATH_DIRS = ['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin'];

interface GoBuild {
  readonly index: number;
  readonly cmd: ShellCommand;
  /** Absolute output path (`-o`), or undefined for `go build` without `-o` / `go install`. */
  readonly output: string | undefined;
  readonly install: boolean;
  readonly workdir: string | undefined;
}

function goBuilds(analysis: SplitAnalysis): GoBuild[] | undefined {
  const out: GoBuild[] = [];
  for (const [index, instr] of analysis.instrs.entries()) {
    const cmds = analysis.commands.get(instr);
    if (!cmds || analysis.runKinds.get(instr) !== 'other') continue;
    const builds = cmds.filter((c) => commandName(c) === 'go' && ['build', 'install'].includes(commandArgs(c)[0]?.value ?? ''));
    if (builds.length === 0) continue;
    if (cmds.some((c) => commandName(c) === 'cd' || commandName(c) === 'pushd')) return undefined; // the directory is not tracked
    for (const cmd of builds) {
      const args = commandArgs(cmd);
      const o = findOptionIn(args.slice(1), ['-o'], true);
      const workdir = analysis.workdirBefore[index];
      if (o && (o.value === undefined || o.value.includes('$') || o.value.endsWith('/'))) return undefined;
      const output = o?.value !== undefined ? resolvePath(workdir, o.value) : undefined;
      if (o && output === undefined) return undefined;
      out.push({ index, cmd, output, install: args[0]!.value === 'install', workdir });
    }
  }
  return out;
}

/** `CGO_ENABLED` as set by ENV/ARG before `index` or on the command itself. */
function cgoSetting(analysis: SplitAnalysis, build: GoBuild): string | undefined {
  const inline = build.cmd.assignments.find((a) => a.name === 'CGO_ENABLED');
  if (inline) return inline.value;
  const r = analysis.model.expand('${CGO_ENABLED}', analysis.instrs[build.index]);
  return r.unresolved.length === 0 && r.value !== '${CGO_ENABLED}' ? r.value : undefined;
}

export const goPlanner: Planner = {
  ecosystem: 'go',
  recognises: (analysis) => analysis.facts.language.name === 'go',
  plan(analysis): EcosystemPlan | undefined {
    const builds = goBuilds(analysis);
    if (!builds || builds.length === 0) return undefined;
    const artifacts: Artifact[] = [];
    for (const build of builds) {
      if (build.output !== undefined) artifacts.push({ from: build.output, to: build.output });
    }
    // Without `-o`, the binary is named after the package: the CMD/ENTRYPOINT says which file it is.
    for (const program of analysis.programs) {
      if (artifacts.some((a) => a.to === resolvePath(analysis.finalWorkdir, program.executable))) continue;
      if (program.executable.includes('/')) {
        const path = resolvePath(analysis.finalWorkdir, program.executable);
        const produced = builds.some((b) => b.output === undefined && !b.install && path !== undefined && b.workdir !== undefined && path === `${b.workdir}/${path.split('/').pop()}`);
        if (produced && path) artifacts.push({ from: path, to: path });
      } else if (builds.some((b) => b.install && b.output === undefined)) {
        artifacts.push({ from: `/go/bin/${program.executable}`, to: `/usr/local/bin/${program.executable}` });
      }
    }
    if (artifacts.length === 0) return undefined;
    const settings = builds.map((b) => cgoSetting(analysis, b));
    if (settings.some((s) => s !== undefined && s !== '0')) return undefined; // the code needs cgo
    const first = builds[0]!;
    const builderBefore = settings.every((s) => s === '0') ? new Map() : insertions([[first.index, [[`${keyword(analysis.style, 'ENV')} CGO_ENABLED=0`]]]]);
    const facts = analysis.facts;
    const release = facts.osRelease;
    const alpine = facts.family === 'alpine';
    const shellImage = alpine ? facts.runtimeAlternative : `debian:${release ?? 'stable'}-slim`;
    if (!shellImage || !describeImageText(shellImage).known) return undefined;
    // distroless images are tagged by variant; `:nonroot` pins the variant that runs as the nonroot user.
    const distroless = facts.runtimeAlternative && !/:[^/]+$/.test(facts.runtimeAlternative) ? `${facts.runtimeAlternative}:nonroot` : facts.runtimeAlternative;
    return {
      ecosystem: 'go',
      runtimeImage: alpine ? shellImage : distroless ?? shellImage,
      ...(alpine ? {} : { shellRuntimeImage: shellImage }),
      artifacts,
      afterArtifacts: [],
      builderBefore,
      builderAfter: new Map(),
      linksLibraries: false,
      provides: (name) => artifacts.some((a) => PATH_DIRS.some((d) => a.to === `${d}/${name}`)),
    };
  },
};
