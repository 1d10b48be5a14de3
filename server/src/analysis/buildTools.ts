/**
 * Build activity that ends up in (or happens in) the final image: build-only packages it keeps, and the
 * commands that compile or bundle (`go build`, `cargo build`, `mvn package`, `gradle build`, `dotnet
 * publish`, `npm run build`, `tsc`, …). `no-build-tools-in-final-stage`, `prefer-multi-stage-build` and
 * `no-sdk-base-in-final-stage` read these.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ImageFacts } from './baseImages';
import { baseFactsOf, chainInstructions, rootImageText, stageChain } from './finalImage';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage } from './model';
import { shellScriptsOf, type RunScript } from './runScript';
import { commandArgs, commandName, type ShellCommand } from './shell';
import { keptPackages, type InstalledPackage } from './stagePackages';

export interface BuildToolInstall {
  /** Build-only packages one install command leaves in the final image. */
  readonly packages: readonly InstalledPackage[];
  /** When the install sits in a stage the target is built FROM: the target stage. */
  readonly viaStage: Stage | undefined;
}

const WEAK_TOOLS = /^(git|git-core|git-lfs|mercurial|subversion|binutils)$/;
const HEADER_REASONS = new Set(['development headers', 'kernel headers', 'static libraries', 'cross-compilation support']);
const GPU_BASE = /(^|\/)(nvidia\/cuda|cuda|rocm\/[\w.-]+|oneapi-[\w.-]+|pytorch\/pytorch|tensorflow\/tensorflow)(:|@|$)|^nvcr\.io\//;

function isStrongBuildTool(p: InstalledPackage): boolean {
  return !WEAK_TOOLS.test(p.pkg.name) && !HEADER_REASONS.has(p.classification.reason);
}

const toolCache = new ObjectMemo<DockerfileModel, readonly BuildToolInstall[]>();

/** Build tools kept in any target image, grouped by install command (each command once). */
export function finalBuildTools(model: DockerfileModel): readonly BuildToolInstall[] {
  const hit = toolCache.get(model);
  if (hit) return hit;
  const groups = new Map<ShellCommand, { packages: InstalledPackage[]; viaStage: Stage | undefined }>();
  for (const target of model.targets) {
    if (imagePurpose(model, target, { sdkIsToolchain: true }) !== 'application') continue;
    // CUDA/ROCm/oneAPI images JIT-compile kernels at run time (triton, torch.compile) and keep compilers on purpose.
    if (GPU_BASE.test(rootImageText(target) ?? '')) continue;
    const kept = keptPackages(model, target).filter((p) => p.classification.class === 'build-tool' &&
      // `apt-get install $PHPIZE_DEPS`: a list the image exports on purpose for images built on it.
      !(p.pkg.via === undefined && p.pkg.word.value.includes('$')));
    // Headers alone (`libpq-dev`) often stay for their unversioned `.so` link, and version-control tools or
    // binutils for run-time use (git-based apps, jlink): only an image that keeps a compiler or build system is reported.
    if (!kept.some(isStrongBuildTool)) continue;
    for (const p of kept) {
      let group = groups.get(p.install.command);
      if (!group) {
        group = { packages: [], viaStage: p.instr.stage !== target ? target : undefined };
        groups.set(p.install.command, group);
      }
      if (!group.packages.some((q) => q.pkg.name === p.pkg.name)) group.packages.push(p);
    }
  }
  const out = [...groups.values()];
  toolCache.set(model, out);
  return out;
}

export interface BuildCommand {
  readonly instr: Instr;
  readonly script: RunScript;
  readonly command: ShellCommand;
  /** `go build`, `npm run build`, … */
  readonly label: string;
  readonly language: 'go' | 'rust' | 'java' | 'dotnet' | 'node' | 'c';
}

const NPM_BUILD_SCRIPTS = /^(build|compile|bundle|dist|prod|build:prod)$/;

/** The build command `cmd` runs, if any. */
export function buildCommandOf(cmd: ShellCommand): Pick<BuildCommand, 'label' | 'language'> | undefined {
  const name = commandName(cmd);
  if (name === undefined) return undefined;
  const args = commandArgs(cmd).map((w) => w.value).filter((v) => !v.startsWith('-'));
  const sub = args[0];
  if (name === 'go' && (sub === 'build' || sub === 'install') && args.length >= 1) return { label: `go ${sub}`, language: 'go' };
  if (name === 'cargo' && (sub === 'build' || sub === 'install')) return { label: `cargo ${sub}`, language: 'rust' };
  if (/^(mvn|mvnw)$/.test(name) && args.some((a) => /^(package|install|verify|compile|spring-boot:repackage)$/.test(a))) return { label: 'mvn package', language: 'java' };
  if (/^(gradle|gradlew)$/.test(name) && args.some((a) => /^(build|assemble|bootJar|jar|shadowJar|installDist|distTar)$/.test(a))) return { label: 'gradle build', language: 'java' };
  if (name === 'dotnet' && (sub === 'publish' || sub === 'build')) return { label: `dotnet ${sub}`, language: 'dotnet' };
  if ((name === 'npm' || name === 'yarn' || name === 'pnpm' || name === 'bun') && (sub === 'run' || sub === 'run-script' ? NPM_BUILD_SCRIPTS.test(args[1] ?? '') : name !== 'npm' && NPM_BUILD_SCRIPTS.test(sub ?? ''))) {
    return { label: `${name} run build`, language: 'node' };
  }
  if (name === 'tsc' || (name === 'npx' && args[0] === 'tsc')) return { label: 'tsc', language: 'node' };
  return undefined;
}

const commandCache = new ObjectMemo<Stage, readonly BuildCommand[]>();

/** Build commands run by `stage`'s own RUNs. */
export function buildCommandsIn(model: DockerfileModel, stage: Stage): readonly BuildCommand[] {
  const hit = commandCache.get(stage);
  if (hit) return hit;
  const out: BuildCommand[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'RUN') continue;
    for (const script of shellScriptsOf(model, instr)) {
      for (const command of script.script.commands) {
        const found = buildCommandOf(command);
        if (found) out.push({ instr, script, command, ...found });
      }
    }
  }
  commandCache.set(stage, out);
  return out;
}

/** Build commands run anywhere in the final image (target stages and their FROM ancestry). */
export function finalBuildCommands(model: DockerfileModel, target: Stage): BuildCommand[] {
  return stageChain(target).reverse().flatMap((s) => [...buildCommandsIn(model, s)]);
}

export type ImagePurpose = 'application' | 'toolchain' | 'unknown';

/** Stage names that say the image is a build, test or development environment. */
const TOOLCHAIN_NAME = /(^|[-_.])(test|tests|testing|integration|e2e|lint|linter|validate|check|dev|devel|develop|development|devcontainer|debug|ci|docs?|vendor|generate|gen|generated|tools?|toolchain|toolbox|build|builder|buildenv|sdk|shell|cross|release-env|env)([-_.]|$)/;
/** Programs that make the image a shell, a REPL or a build environment when they are what it starts. */
const TOOLCHAIN_START = /^(ba|da|a|z|k)?sh$|^(bash|fish|pwsh|powershell|ghci|irb|iex|erl|jshell|julia|R|python[0-9.]*|node|php|lua|scala|clojure|gradle|gradlew|mvn|mvnw|go|cargo|rustc|make|gcc|cc|dotnet|npm|yarn|pnpm|goreleaser|dpkg-buildpackage|debuild|rpmbuild)$/;

/**
 * What the image a target builds is for. 'toolchain': a build, test or development environment (named so,
 * built on a compiler SDK image when `sdkIsToolchain`, or starting a shell, a REPL, a build tool or a build
 * script), where build tools are
 * the point; 'application': it starts something else; 'unknown': it sets no CMD/ENTRYPOINT (the base image
 * decides).
 */
export function imagePurpose(model: DockerfileModel, target: Stage, options: { readonly sdkIsToolchain?: boolean } = {}): ImagePurpose {
  if (target.name && TOOLCHAIN_NAME.test(target.name.key)) return 'toolchain';
  if (options.sdkIsToolchain) {
    // golang, rust, maven, gradle, gcc, JDK and .NET SDK images are build environments; the full
    // python/node/ruby images are runtimes with extras, commonly (if wastefully) used to run applications.
    const facts = baseFactsOf(model, target);
    if (facts.variant === 'sdk' && !['python', 'node', 'ruby', 'php'].includes(facts.language.name)) return 'toolchain';
  }
  const instrs = chainInstructions(target);
  const last = (kw: string) => [...instrs].reverse().find((i) => i.keyword === kw);
  // A tool run on the user's files: `VOLUME /project` + `WORKDIR /project` (static site generators, linters).
  const workdir = last('WORKDIR')?.args.map((a) => a.value).join(' ');
  if (workdir && instrs.some((i) => i.keyword === 'VOLUME' && model.textOf(i.range).includes(workdir))) return 'toolchain';
  const starts = [last('ENTRYPOINT'), last('CMD')].filter((i): i is Instr => i !== undefined);
  if (starts.length === 0) return 'unknown';
  const purposes = starts.map((i) => startPurpose(model, i));
  if (purposes.includes('toolchain')) return 'toolchain';
  return purposes.includes('application') ? 'application' : 'unknown';
}

function startPurpose(model: DockerfileModel, start: Instr): ImagePurpose {
  const scripts = shellScriptsOf(model, start);
  const first = scripts[0]?.script.commands.find((c) => commandName(c) !== undefined);
  const program = first ? commandName(first) : undefined;
  if (program === undefined) return 'unknown';
  // A CMD of options only (`["--help"]`) belongs to the ENTRYPOINT.
  if (program.startsWith('-')) return 'unknown';
  if (TOOLCHAIN_START.test(program)) {
    // `bash start.sh`, `python app.py`, `node server.js` run an application; a bare shell or REPL does not.
    const operands = commandArgs(first!).filter((w) => !w.value.startsWith('-'));
    if (program === 'dotnet' && /\.dll$/i.test(operands[0]?.value ?? '')) return 'application';
    if (operands.length === 0 || !/^(ba|da|a|z)?sh$|^(bash|python[0-9.]*|node|php)$/.test(program)) return 'toolchain';
    if (/build|compile|make|package/i.test(operands[0]!.value)) return 'toolchain';
    return 'application';
  }
  if (/(^|[-_./])(build|compile|package|make)[-_.a-z]*$/i.test(program)) return 'toolchain';
  return 'application';
}

export interface SdkFinalImage {
  readonly target: Stage;
  /** The stage whose FROM names the SDK image (the root of the target's chain). */
  readonly root: Stage;
  readonly image: string;
  readonly facts: ImageFacts;
  /** A stage outside the final image that the final image copies from. */
  readonly builder: Stage;
  readonly flow: { readonly range: Range };
}

/**
 * Targets whose image is built on an SDK image although a builder stage already produces what they ship
 * (they `COPY --from` a stage outside their chain) and they build nothing themselves.
 */
export function sdkFinalImages(model: DockerfileModel): SdkFinalImage[] {
  const out: SdkFinalImage[] = [];
  for (const target of model.targets) {
    const facts = baseFactsOf(model, target);
    if (!facts.known || facts.variant !== 'sdk') continue;
    const chain = stageChain(target);
    const copy = model.edges.find((e) => e.kind === 'copy-from' && !e.onbuild && chain.includes(e.source) && e.target !== undefined && !chain.includes(e.target));
    if (!copy?.target) continue;
    // A stage that only names an image (`FROM anchore/syft AS syft`) is not a builder.
    const builder = stageChain(copy.target);
    if (!builder.some((s) => buildCommandsIn(model, s).length > 0 || s.instructions.some((i) => i.keyword === 'RUN' && buildsOrCompiles(model, i)))) continue;
    if (finalBuildCommands(model, target).length > 0) continue;
    // The final image compiles or installs toolchains itself: it needs the SDK.
    if (chain.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && buildsOrCompiles(model, i)))) continue;
    if (imagePurpose(model, target) !== 'application') continue;
    const root = chain[chain.length - 1]!;
    out.push({ target, root, image: rootImageText(target) ?? facts.repository, facts, builder: copy.target, flow: { range: copy.range } });
  }
  return out;
}

/** A RUN that compiles or installs packages from source (pip/npm/gem installs may build native extensions). */
function buildsOrCompiles(model: DockerfileModel, instr: Instr): boolean {
  return shellScriptsOf(model, instr).some((s) => s.script.commands.some((c) => {
    const name = commandName(c);
    if (name === undefined) return false;
    if (/^(make|cmake|gcc|g\+\+|cc|clang|javac|go|cargo|rustc|mvn|mvnw|gradle|gradlew|dotnet|tsc|npx|node-gyp|bundle|gem|composer)$/.test(name)) return true;
    const sub = commandArgs(c).find((w) => !w.value.startsWith('-'))?.value;
    if (/^pip[0-9.]*$/.test(name) || /^python[0-9.]*$/.test(name)) return sub === 'install' || commandArgs(c).some((w) => w.value === 'pip');
    if (name === 'npm' || name === 'yarn' || name === 'pnpm') return sub !== undefined && sub !== 'config' && sub !== 'cache';
    return false;
  }));
}
