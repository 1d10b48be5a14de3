/**
 * "Dependencies installed after the whole source tree was copied": a `COPY . <dest>` followed, in the same
 * stage, by a RUN that installs dependencies from manifests (`npm ci`, `pip install -r …`, `go mod download`,
 * …). Every change to any source file then invalidates the install layer. The fix (shared by the
 * `deps-before-source` rule and the "Copy dependency manifests first" refactor) copies only the manifests
 * before the install and the rest after it; `fixBlocker` says why it is not offered when it is not.
 */
import { copyParts, wholeContextSource, type CopyParts, type CopySource } from './copySources';
import { stageChain } from './finalImage';
import { classifyInstall, manifestCopies, type DependencyInstall, type ManifestCopy } from './manifests';
import type { DockerfileModel, Instr, Stage } from './model';
import { cleanupKinds } from './packageCaches';
import { recognize } from './packageManagers';
import { installOf } from './packageInstalls';
import { runScriptsOf, type RunScript } from './runScript';
import { commandArgs, commandName, type ShellCommand } from './shell';
import { cleanPath } from './dockerignore';
import { ObjectMemo } from './memo';
import { wordValue } from './wordValue';

export type FixBlocker =
  /** The install also builds or installs the project itself, so it needs the sources. */
  | 'needs-sources'
  /** The manifests cannot be named safely (unknown layout, workspace, a required file missing). */
  | 'unknown-manifests'
  /** The RUN also runs commands that may read the sources. */
  | 'other-commands'
  /** Instructions between the COPY and the install could depend on the sources or change the destination. */
  | 'instructions-between'
  /** The COPY has other sources, is in JSON form or has an unknown destination. */
  | 'copy-shape';

export interface DepsBeforeSource {
  readonly stage: Stage;
  readonly copy: CopyParts;
  /** The `.` source of the COPY. */
  readonly source: CopySource;
  /** The RUN that installs the dependencies. */
  readonly run: Instr;
  readonly installs: readonly DependencyInstall[];
  /** The first install command and the script it is in (for the related location). */
  readonly command: ShellCommand;
  readonly script: RunScript;
  /** The COPY instructions to write instead of the whole-context COPY; undefined with a blocker. */
  readonly manifestCopies: readonly ManifestCopy[] | undefined;
  readonly fixBlocker: FixBlocker | undefined;
}

/** Instructions that may sit between the COPY and the install without depending on the copied files. */
const NEUTRAL = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'MAINTAINER']);
/** Commands that can run before the sources arrive (they do not read the context). */
const HARMLESS = new Set(['mkdir', 'echo', 'true', ':', 'set', 'export', 'printf', 'corepack', 'ln', 'useradd', 'adduser', 'groupadd', 'addgroup', 'update-ca-certificates', 'ldconfig']);
const CONFIG_SUBCOMMANDS = new Set(['config', 'set']);

function harmless(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  if (name === undefined) return true; // a bare assignment
  if (HARMLESS.has(name)) return true;
  if (cleanupKinds(cmd).length > 0) return true; // removing package caches
  if (name === 'rm' || name === 'cd') return false;
  if (CONFIG_SUBCOMMANDS.has(commandArgs(cmd)[0]?.value ?? '')) return ['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'bundle', 'composer', 'git'].includes(name);
  const rec = recognize(cmd);
  if (!rec) return false;
  // System packages, index updates, cache cleaning, and registry installs of named packages (`pip install -U pip`).
  if (rec.action !== 'install') return true;
  const install = installOf(cmd);
  return !!install && !install.fromManifest && install.packages.every((p) => p.kind === 'name' || p.kind === 'variable');
}

type InstallIn = { readonly install: DependencyInstall; readonly cmd: ShellCommand; readonly script: RunScript };

/**
 * Installs of a RUN, memoised: every stage built FROM a stage reads its installs again, which made a chain of
 * n stages classify the first stage's commands n times.
 */
const installCache = new ObjectMemo<Instr, readonly InstallIn[]>();

/** Installs of `run`, with the commands and scripts they come from. */
function installsIn(model: DockerfileModel, run: Instr): readonly InstallIn[] {
  const hit = installCache.get(run);
  if (hit) return hit;
  const out: InstallIn[] = [];
  for (const script of runScriptsOf(model, run)) {
    if (script.language !== 'sh') continue;
    for (const cmd of script.script.commands) {
      const install = classifyInstall(cmd);
      if (install) out.push({ install, cmd, script });
    }
  }
  installCache.set(run, out);
  return out;
}

function blockerFor(model: DockerfileModel, copy: CopyParts, run: Instr, installs: readonly DependencyInstall[], between: readonly Instr[], contextFiles: readonly string[] | undefined): { blocker: FixBlocker | undefined; copies: ManifestCopy[] | undefined } {
  if (installs.some((i) => i.kind !== 'deps')) return { blocker: 'needs-sources', copies: undefined };
  if (copy.json || copy.sources.length !== 1 || !copy.dest || copy.instr.heredocs.length > 0) return { blocker: 'copy-shape', copies: undefined };
  if (between.some((i) => !NEUTRAL.has(i.keyword))) return { blocker: 'instructions-between', copies: undefined };
  const commands = runScriptsOf(model, run).flatMap((s) => (s.language === 'sh' ? s.script.commands : []));
  if (commands.some((c) => !classifyInstall(c) && !harmless(c))) return { blocker: 'other-commands', copies: undefined };
  if (installs.some((i) => i.ecosystem === 'node') && monorepoHints(model)) return { blocker: 'unknown-manifests', copies: undefined };
  const copies = manifestCopies(installs, contextFiles);
  return copies ? { blocker: undefined, copies } : { blocker: 'unknown-manifests', copies: undefined };
}

/** The COPY's destination when it is an absolute path known before the build. */
function destinationOf(model: DockerfileModel, copy: CopyParts): string | undefined {
  if (!copy.dest) return undefined;
  const word = wordValue(model, copy.dest.value, copy.instr);
  return word.known && word.value.startsWith('/') ? cleanPath(word.value) : undefined;
}

/**
 * `install` with manifests given as absolute paths made relative to the copied context (`/app/req.txt` after
 * `COPY . /app` → `req.txt`); undefined when one of them lies outside it (the install reads files that were
 * copied some other way, and this COPY is not what it depends on).
 */
function relativeTo(install: DependencyInstall, dest: string | undefined): DependencyInstall | undefined {
  if (!install.manifests.some((m) => m.path.startsWith('/'))) return install;
  if (dest === undefined) return install;
  const manifests = [];
  for (const m of install.manifests) {
    if (!m.path.startsWith('/')) {
      manifests.push(m);
      continue;
    }
    const path = cleanPath(m.path);
    const prefix = dest === '/' ? '/' : `${dest}/`;
    if (!path.startsWith(prefix)) return undefined;
    manifests.push({ ...m, path: path.slice(prefix.length) });
  }
  return { ...install, manifests };
}

const MONOREPO_TOOLS = new Set(['turbo', 'lerna', 'nx', 'rush']);

/**
 * Signs in the Dockerfile that the Node project is a workspace/monorepo, whose install needs the package.json
 * of every workspace (npm and yarn declare workspaces inside package.json, where no file listing sees them):
 * workspace tooling, `--filter`/`--recursive`/`workspace` arguments, or paths under `packages/` or `apps/`.
 */
function monorepoHints(model: DockerfileModel): boolean {
  // Asked for every COPY/install pair with a Node install: scanning the whole file each time was quadratic.
  let hints = monorepoCache.get(model);
  if (hints === undefined) {
    hints = scanMonorepoHints(model);
    monorepoCache.set(model, hints);
  }
  return hints;
}

const monorepoCache = new ObjectMemo<DockerfileModel, boolean>();

function scanMonorepoHints(model: DockerfileModel): boolean {
  for (const instr of model.instructions) {
    if (/(?:^|[\s"'=:./])(?:packages|apps)\//.test(instr.args.map((a) => a.value).join(' '))) return true;
    for (const script of runScriptsOf(model, instr)) {
      for (const cmd of script.script.commands) {
        const name = commandName(cmd) ?? '';
        if (MONOREPO_TOOLS.has(name)) return true;
        const args = commandArgs(cmd).map((w) => w.value);
        if (['npm', 'yarn', 'pnpm', 'bun', 'npx'].includes(name) && args.some((a) => /^(?:--filter|-F|--recursive|-r|--workspaces?|-w|workspaces?)(?:=|$)/.test(a) || MONOREPO_TOOLS.has(a))) return true;
      }
    }
  }
  return false;
}

/** Per stage: every stage built FROM it asks again (a chain of n stages asked n² times). */
const ecosystemCache = new ObjectMemo<Stage, readonly string[]>();

/** Ecosystems whose dependencies the RUNs of `stage` itself install. */
function ecosystemsIn(model: DockerfileModel, stage: Stage): readonly string[] {
  let found = ecosystemCache.get(stage);
  if (!found) {
    found = [...new Set(stage.instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => installsIn(model, i).map((f) => f.install.ecosystem)))];
    ecosystemCache.set(stage, found);
  }
  return found;
}

/** Every whole-context COPY followed by a dependency install in its stage (one finding per COPY). */
export function findDepsBeforeSource(model: DockerfileModel, contextFiles?: readonly string[]): DepsBeforeSource[] {
  const out: DepsBeforeSource[] = [];
  for (const stage of model.stages) {
    // Only a whole-context COPY opens a finding: a stage without one needs no install classified.
    // Made at the first such COPY: most stages have none, and this runs for every stage of every lint.
    let copies: Map<Instr, { copy: CopyParts; source: CopySource }> | undefined;
    for (const instr of stage.instructions) {
      const copy = copyParts(model, instr);
      const source = copy && wholeContextSource(copy);
      if (source) (copies ??= new Map()).set(instr, { copy, source });
    }
    if (copies === undefined) continue;
    let open: { copy: CopyParts; source: CopySource; index: number } | undefined;
    // Ecosystems whose dependencies an earlier step already installed (`COPY go.mod … && go mod download`, a
    // dummy `cargo build`): an install after the whole-context COPY then only adds the project itself.
    const done = new Set<string>(stageChain(stage).slice(1).flatMap((s) => ecosystemsIn(model, s)));
    stage.instructions.forEach((instr, index) => {
      const whole = copies.get(instr);
      if (whole) {
        open = { copy: whole.copy, source: whole.source, index };
        return;
      }
      if (instr.keyword !== 'RUN') return;
      if (!open) {
        for (const f of installsIn(model, instr)) done.add(f.install.ecosystem);
        return;
      }
      const dest = destinationOf(model, open.copy);
      const found = installsIn(model, instr).flatMap((f) => {
        const install = done.has(f.install.ecosystem) ? undefined : relativeTo(f.install, dest);
        return install ? [{ ...f, install }] : [];
      });
      const first = found[0];
      if (!first) return;
      const installs = found.map((f) => f.install);
      const between = stage.instructions.slice(open.index + 1, index);
      const { blocker, copies: manifestCopiesFound } = blockerFor(model, open.copy, instr, installs, between, contextFiles);
      out.push({
        stage, copy: open.copy, source: open.source, run: instr, installs, command: first.cmd, script: first.script,
        manifestCopies: manifestCopiesFound, fixBlocker: blocker,
      });
      open = undefined;
    });
  }
  return out;
}
