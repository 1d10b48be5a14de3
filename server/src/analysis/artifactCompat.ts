/**
 * Artifacts copied from a builder into a runtime they cannot run on:
 * - a Go binary built with cgo (the default when the builder has a C compiler, as the Debian-based golang
 *   images do) links the C library dynamically, so it does not start on musl (alpine) or libc-less
 *   (scratch, distroless/static) images. `CGO_ENABLED=0` (env prefix, ENV, ARG, `export`, `go env -w`),
 *   static link flags, `netgo`/`osusergo` tags or cross-compilation (GOOS/GOARCH/CC) make it unknown;
 * - Python packages (site-packages, a `pip --user` site, a virtualenv, a `--target`/`--prefix` tree) built
 *   for Python X.Y copied into an image with another Python, or with none;
 * - `node_modules` installed on glibc copied into a musl image or the other way round (native addons are
 *   compiled or downloaded for the builder's C library).
 */
import type { ImageFacts } from './baseImages';
import { envAt } from './envAt';
import { baseFactsOf, chainInstructions, stageChain } from './finalImage';
import { artifactFlows, type ArtifactFlow, type FlowSource } from './flows';
import type { DockerfileModel, Instr, Stage } from './model';
import { packageOpsOf } from './instrPackages';
import { isUnder, pathsOverlap } from './paths';
import { stagePaths, type PathProduction } from './producedPaths';
import { shellScriptsOf, type RunScript } from './runScript';
import { commandArgs, commandName, findOptionIn, type ShellCommand } from './shell';
import { keptPackages } from './stagePackages';

export interface IncompatibleArtifact {
  readonly kind: 'go-libc' | 'python-version' | 'node-libc';
  readonly flow: ArtifactFlow;
  readonly source: FlowSource;
  readonly builder: Stage;
  readonly builderFacts: ImageFacts;
  readonly target: Stage;
  readonly targetFacts: ImageFacts;
  /** The instruction that produced the artifact (the go build RUN, the pip install RUN, …). */
  readonly producer: Instr;
  /** For Go: the `go build` command and its script (for a CGO_ENABLED=0 fix). */
  readonly goCommand?: { readonly command: ShellCommand; readonly script: RunScript };
  /** For Python: the builder's and the target's Python (`3.11`, `none`). */
  readonly builderPython?: string;
  readonly targetPython?: string;
}

export function incompatibleArtifacts(model: DockerfileModel): IncompatibleArtifact[] {
  const out: IncompatibleArtifact[] = [];
  for (const target of model.targets) {
    const chain = stageChain(target);
    const targetFacts = baseFactsOf(model, target);
    if (!targetFacts.known) continue;
    for (const flow of artifactFlows(model)) {
      if (!chain.includes(flow.into) || !flow.from || chain.includes(flow.from)) continue;
      const builderFacts = baseFactsOf(model, flow.from);
      if (!builderFacts.known) continue;
      for (const source of flow.sources) {
        if (source.path === undefined || source.source.glob) continue;
        const base = { flow, source, builder: flow.from, builderFacts, target, targetFacts };
        const go = goIssue(model, flow.from, builderFacts, target, targetFacts, source.path);
        if (go) out.push({ kind: 'go-libc', ...base, ...go });
        const py = pythonIssue(model, flow.from, builderFacts, target, targetFacts, source.path);
        if (py) out.push({ kind: 'python-version', ...base, ...py });
        const node = nodeIssue(model, flow.from, builderFacts, target, targetFacts, source.path);
        if (node) out.push({ kind: 'node-libc', ...base, producer: node });
      }
    }
  }
  return out;
}

function productionsOf(model: DockerfileModel, stage: Stage, kinds: readonly string[]): PathProduction[] {
  return stageChain(stage).flatMap((s) => stagePaths(model, s).productions.filter((p) => kinds.includes(p.kind)));
}

/** A libc-less image, or musl while the binary wants glibc: where a dynamically linked Go binary fails. */
function goIssue(model: DockerfileModel, builder: Stage, b: ImageFacts, target: Stage, t: ImageFacts, path: string) {
  if (t.libc !== 'musl' && t.libc !== 'none') return undefined;
  // cgo is only on when the builder has a C compiler: the Debian-based golang images ship gcc, alpine ones do not.
  const compiler = (b.repository === 'golang' && b.libc === 'glibc') || hasCompiler(model, builder);
  if (!compiler) return undefined;
  if (b.libc !== 'glibc' && !(b.libc === 'musl' && t.libc === 'none')) return undefined;
  if (b.libc === 'glibc' && t.libc === 'musl' && installsGlibcCompat(model, target)) return undefined;
  const outputs = productionsOf(model, builder, ['go-build', 'go-install']).filter((p) => (p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path)));
  for (const output of outputs) {
    for (const script of shellScriptsOf(model, output.instr)) {
      for (const command of script.script.commands) {
        const sub = commandArgs(command).find((w) => !w.value.startsWith('-'))?.value;
        if (commandName(command) !== 'go' || (sub !== 'build' && sub !== 'install')) continue;
        if (cgoState(model, builder, output.instr, script, command) !== 'enabled') return undefined;
        return { producer: output.instr, goCommand: { command, script } };
      }
    }
  }
  return undefined;
}

function hasCompiler(model: DockerfileModel, stage: Stage): boolean {
  return keptPackages(model, stage).some((p) => /^(gcc|build-base|clang|musl-dev)$/.test(p.pkg.name));
}

function installsGlibcCompat(model: DockerfileModel, stage: Stage): boolean {
  return keptPackages(model, stage).some((p) => /^(libc6-compat|gcompat|glibc)$/.test(p.pkg.name));
}

/** 'disabled' when CGO_ENABLED=0 is in force, 'unknown' when cross-compiling, static-linking or set at build time. */
function cgoState(model: DockerfileModel, stage: Stage, instr: Instr, script: RunScript, command: ShellCommand): 'enabled' | 'disabled' | 'unknown' {
  const commands = script.script.commands;
  const before = commands.slice(0, commands.indexOf(command));
  const assigned = (name: string): string | null | undefined => {
    for (const a of command.assignments) if (a.name === name) return a.word.expansion ? null : a.value;
    for (let k = before.length - 1; k >= 0; k--) {
      const c = before[k]!;
      for (const a of c.assignments) if (a.name === name && c.words.length === 0) return a.word.expansion ? null : a.value;
      if (c.words[0]?.value === 'export') {
        for (const w of c.words.slice(1)) if (w.value.startsWith(name + '=')) return w.expansion ? null : w.value.slice(name.length + 1);
      }
    }
    const env = envAt(model, stage, name, instr);
    return env === undefined ? undefined : env.value ?? null;
  };
  const cgo = assigned('CGO_ENABLED');
  if (cgo === '0') return 'disabled';
  if (cgo === null || (cgo !== undefined && cgo !== '1')) return 'unknown';
  if (['GOOS', 'GOARCH', 'CC'].some((n) => assigned(n) !== undefined)) return 'unknown';
  if (chainInstructions(stage, instr).concat(instr).some((i) => i.keyword === 'RUN' && goEnvDisablesCgo(model, i))) return 'disabled';
  const args = commandArgs(command);
  const ldflags = findOptionIn(args, ['-ldflags'], true)?.value ?? '';
  const tags = findOptionIn(args, ['-tags'], true)?.value ?? '';
  if (/static/.test(ldflags) || /\b(netgo|osusergo|static)\b/.test(tags) || findOptionIn(args, ['-linkshared']) !== undefined) return 'unknown';
  return 'enabled';
}

/** `go env -w CGO_ENABLED=0` writes Go's own configuration, so every later `go build` of the image has cgo off. */
function goEnvDisablesCgo(model: DockerfileModel, run: Instr): boolean {
  return shellScriptsOf(model, run).some((s) => s.script.commands.some((c) => {
    const args = commandArgs(c).map((w) => w.value);
    return commandName(c) === 'go' && args[0] === 'env' && args[1] === '-w' && args.includes('CGO_ENABLED=0');
  }));
}

/** `3.11` from `/usr/local/lib/python3.11/site-packages`, else the image's Python (major.minor only). */
function pythonVersion(facts: ImageFacts, path?: string): string | undefined {
  const fromPath = path ? /python(\d+\.\d+)/.exec(path)?.[1] : undefined;
  if (fromPath) return fromPath;
  if (facts.language.name !== 'python') return undefined;
  const m = /^(\d+\.\d+)/.exec(facts.language.version ?? '');
  return m?.[1];
}

function pythonIssue(model: DockerfileModel, builder: Stage, b: ImageFacts, target: Stage, t: ImageFacts, path: string) {
  // First what is cheap and settles most copies: without a Python version of the builder (a non-Python image and
  // no `pythonX.Y` in the path) there is nothing to compare, whatever the builder's RUNs produce.
  const builderPython = pythonVersion(b, path);
  if (builderPython === undefined) return undefined;
  const sitePackages = /\/(site|dist)-packages(\/|$)/.test(path);
  const producers = productionsOf(model, builder, ['pip-user', 'venv', 'pip-target']).filter((p) => isUnder(path, p.path) || p.path === path);
  if (!sitePackages && producers.length === 0) return undefined;
  const producer = producers[0]?.instr ?? chainInstructions(builder).reverse().find((i) => i.keyword === 'RUN' && packageOpsOf(model, i).installs.some((x) => x.ecosystem === 'python'));
  if (!producer) return undefined;
  let targetPython: string | undefined;
  if (t.language.name === 'python') {
    targetPython = pythonVersion(t);
    if (targetPython === undefined) return undefined;
  } else if (t.language.name === 'unknown' || providesPython(model, target)) {
    return undefined;
  } else {
    targetPython = 'none';
  }
  if (targetPython === builderPython) return undefined;
  return { producer, builderPython, targetPython };
}

/** The image installs or copies in a Python of its own. */
function providesPython(model: DockerfileModel, stage: Stage): boolean {
  if (keptPackages(model, stage).some((p) => /^python(3)?([.\d]*)?(-minimal|-full)?$|^python3\.\d+/.test(p.pkg.name))) return true;
  return chainInstructions(stage).some((i) => {
    // An interpreter copied in (`/usr/local/bin/python3`, `libpython`, a conda tree), not just packages.
    if (i.keyword === 'COPY' || i.keyword === 'ADD') return /bin\/python|libpython|\/usr\/local\/(bin|lib)\/?(\s|$)|conda|mamba|\/python\/?(\s|$)|\buv\b/i.test(model.textOf(i.range));
    return i.keyword === 'RUN' && /\b(pyenv|uv\s+python|conda|micromamba|deadsnakes)\b/.test(model.textOf(i.range));
  });
}

function nodeIssue(model: DockerfileModel, builder: Stage, b: ImageFacts, target: Stage, t: ImageFacts, path: string): Instr | undefined {
  const libcs = new Set([b.libc, t.libc]);
  if (b.libc === t.libc || !(libcs.has('glibc') && libcs.has('musl'))) return undefined;
  if (installsGlibcCompat(model, target) && b.libc === 'glibc') return undefined;
  const modules = productionsOf(model, builder, ['node-modules']).find((p) => isUnder(p.path, path) || isUnder(path, p.path));
  return modules?.instr;
}

