/**
 * Where `pip install --user` puts packages (`$HOME/.local`, or `$PYTHONUSERBASE`) and whether the user the
 * container runs as can use them. Python only looks in the user site of the current `$HOME`, `/root` is
 * mode 700 on the official images, and console scripts land in `<site>/bin`, which is not on the default
 * PATH. Multi-stage builds move the site with `COPY --from=builder /root/.local …`, so the site that counts
 * is where it is copied to.
 */
import { ObjectMemo } from './memo';
import type { Range } from 'vscode-languageserver-types';
import { envAt } from './envAt';
import { chainInstructions, stageChain } from './finalImage';
import { artifactFlows, copyDestination, type ArtifactFlow } from './flows';
import type { DockerfileModel, Instr, Stage } from './model';
import { packageOpsOf } from './instrPackages';
import type { PackageInstall } from './packages';
import { isUnder } from './paths';
import { stagePaths } from './producedPaths';
import { commandRange, runScriptsOf, shellScriptsOf } from './runScript';
import { commandName, commandWordIndex, type ShellCommand } from './shell';
import { effectiveUser, homeOf, isRoot, type EffectiveUser } from './users';

export interface UserSiteIssue {
  readonly kind: 'root-home' | 'other-home' | 'not-on-path';
  readonly target: Stage;
  /** The COPY that moves the site, or the RUN that installs it when it stays where pip put it. */
  readonly instr: Instr;
  readonly range: Range;
  /** The user site in the final image (`/root/.local`). */
  readonly site: string;
  readonly runtime: EffectiveUser;
  /** Where the runtime user's Python looks (`/home/app/.local`); undefined when unknown. */
  readonly expected: string | undefined;
  /** The `pip install --user` command. */
  readonly install: { readonly instr: Instr; readonly range: Range; readonly packages: readonly string[]; readonly fromManifest: boolean };
  /** For `not-on-path`: the program CMD/ENTRYPOINT starts and where. */
  readonly program?: { readonly name: string; readonly instr: Instr };
  readonly flow?: ArtifactFlow;
}

interface UserInstall {
  readonly instr: Instr;
  readonly range: Range;
  readonly site: string;
  readonly packages: string[];
  readonly fromManifest: boolean;
}

const installCache = new ObjectMemo<Stage, UserInstall[]>();

/** `pip install --user` commands of a stage chain with the site each one writes. */
function userInstalls(model: DockerfileModel, stage: Stage): UserInstall[] {
  const hit = installCache.get(stage);
  if (hit) return hit;
  const out: UserInstall[] = [];
  installCache.set(stage, out);
  const isUserInstall = (install: PackageInstall): boolean => install.ecosystem === 'python' && install.flags.user;
  for (const s of stageChain(stage).reverse()) {
    // The paths a stage produces are costly to compute, and only a stage with a `pip install --user` needs them.
    const runs = s.instructions.filter((i) => i.keyword === 'RUN' && packageOpsOf(model, i).installs.some(isUserInstall));
    if (runs.length === 0) continue;
    const sites = stagePaths(model, s).productions.filter((p) => p.kind === 'pip-user');
    for (const instr of runs) {
      const site = sites.find((p) => p.instr === instr)?.path;
      if (site === undefined) continue;
      for (const install of packageOpsOf(model, instr).installs) {
        if (!isUserInstall(install)) continue;
        const script = runScriptsOf(model, instr).find((r) => r.script.commands.includes(install.command));
        if (!script) continue;
        out.push({
          instr, range: commandRange(script, install.command), site,
          packages: install.packages.filter((p) => p.kind === 'name').map((p) => p.name.toLowerCase()),
          fromManifest: install.fromManifest,
        });
      }
    }
  }
  return out;
}

/** Programs a Python image runs that do not come from pip. */
const SYSTEM_PROGRAMS = /^(python[0-9.]*|pip[0-9.]*|sh|bash|dash|ash|env|exec|tini|dumb-init|gosu|su-exec|node|java|nginx|supervisord|sleep|true|cat|echo)$/;

export function userSiteIssues(model: DockerfileModel): UserSiteIssue[] {
  const out: UserSiteIssue[] = [];
  for (const target of model.targets) {
    const runtime = effectiveUser(model, target);
    if (runtime.user === undefined) continue;
    // PYTHONUSERBASE / PYTHONPATH point Python elsewhere: the site is not where this analysis looks.
    if (envAt(model, target, 'PYTHONUSERBASE', undefined, true) || envAt(model, target, 'PYTHONPATH', undefined, true)) continue;
    const expected = expectedSite(model, target, runtime);
    const chain = stageChain(target);
    const sites: { site: string; instr: Instr; range: Range; install: UserInstall; flow?: ArtifactFlow }[] = [];
    for (const flow of artifactFlows(model)) {
      if (!chain.includes(flow.into) || !flow.from || flow.dest === undefined) continue;
      const dest = flow.dest.replace(/\/$/, '');
      if (!/^\/(root|home\/[^/]+)\/\.local$/.test(dest)) continue;
      for (const source of flow.sources) {
        if (source.path === undefined) continue;
        const install = userInstalls(model, flow.from).find((u) => u.site === source.path);
        if (install) sites.push({ site: dest, instr: flow.instr, range: source.source.range, install, flow });
      }
    }
    for (const install of userInstalls(model, target)) {
      // A site copied away is handled by its COPY.
      if (!sites.some((s) => s.install === install)) sites.push({ site: install.site, instr: install.instr, range: install.range, install });
    }
    for (const s of sites) {
      const base = { target, instr: s.instr, range: s.range, site: s.site, runtime, expected, install: s.install, ...(s.flow ? { flow: s.flow } : {}) };
      if (isUnder(s.site, '/root') && isRoot(runtime.user) === 'no') {
        out.push({ kind: 'root-home', ...base });
        continue;
      }
      if (expected === undefined) continue;
      if (s.site !== expected) {
        out.push({ kind: 'other-home', ...base });
        continue;
      }
      const program = missingProgram(model, target, s.site, s.install);
      if (program) out.push({ kind: 'not-on-path', ...base, program });
    }
  }
  return out;
}

/** The user site the runtime user's Python reads: `$HOME/.local`. */
function expectedSite(model: DockerfileModel, target: Stage, runtime: EffectiveUser): string | undefined {
  if (runtime.user === undefined) return undefined;
  const home = homeOf(model, target, runtime.user);
  return home === undefined ? undefined : `${home.replace(/\/$/, '')}/.local`;
}

/**
 * The program CMD/ENTRYPOINT starts when it is a console script of the user site that PATH does not reach:
 * a bare name that the `pip install --user` names as a package (or, for a requirements install, that nothing
 * else in the image provides).
 */
function missingProgram(model: DockerfileModel, target: Stage, site: string, install: UserInstall): { name: string; instr: Instr } | undefined {
  const instrs = chainInstructions(target);
  const start = [...instrs].reverse().find((i) => i.keyword === 'ENTRYPOINT') ?? [...instrs].reverse().find((i) => i.keyword === 'CMD');
  if (!start) return undefined;
  const script = runScriptsOf(model, start)[0];
  if (!script || script.role !== 'command') return undefined;
  const first = script.script.commands[0];
  const index = first ? commandWordIndex(first) : -1;
  const word = index >= 0 ? first!.words[index] : undefined;
  const name = first ? commandName(first) : undefined;
  if (name === undefined || !word || word.value.includes('/') || word.expansion || SYSTEM_PROGRAMS.test(name)) return undefined;
  const path = envAt(model, target, 'PATH', undefined, true);
  if (path && (path.value === undefined || path.value.split(':').some((d) => d.replace(/\/$/, '') === `${site}/bin`))) return undefined;
  const named = install.packages.includes(name.toLowerCase());
  if (!named && !(install.fromManifest && nothingElseProvides(model, instrs, name))) return undefined;
  return { name, instr: start };
}

/** No other install, download or copy in the final image could have put `name` on PATH. */
function nothingElseProvides(model: DockerfileModel, instrs: readonly Instr[], name: string): boolean {
  for (const instr of instrs) {
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const dest = copyDestination(model, instr);
      if (dest === undefined || /\/bin(\/|$)/.test(dest) || /^\/(usr|opt)(\/|$)/.test(dest) || model.textOf(instr.range).includes(name)) return false;
    }
    if (instr.keyword !== 'RUN') continue;
    const ops = packageOpsOf(model, instr);
    if (ops.installs.some((i) => !(i.ecosystem === 'python' && i.flags.user))) return false;
    if (shellScriptsOf(model, instr).some((s) => s.script.commands.some((c: ShellCommand) => ['curl', 'wget', 'ln', 'cp', 'mv', 'install'].includes(commandName(c) ?? '')))) return false;
  }
  return true;
}
