import { cleanPath } from '../analysis/dockerignore';
import { finalStages, rootStage, stageChain } from '../analysis/finalImage';
import type { DockerfileModel, Instr, Stage, StageEdge } from '../analysis/model';
import { packageOpsOf } from '../analysis/instrPackages';
import { recognize } from '../analysis/packageManagers';
import { mountFlags, mountTarget } from '../analysis/runMounts';
import { pathsOverlap } from '../analysis/paths';
import { shellScriptsOf } from '../analysis/runScript';
import { commandArgs, commandName, findOptionIn, type ShellCommand, type ShellWord } from '../analysis/shell';
import { effectiveUser, isRoot } from '../analysis/users';
import { defineRule } from '../engine/defineRule';
import { insertAfterKeyword } from '../engine/fixes';
import { commandHeadRange, editableCommand, removeWord, scriptOf } from '../engine/edits/shellEdits';
import type { TextEdit } from 'vscode-languageserver-types';

interface Plan {
  /** Which tool downloads (also groups RUNs that depend on the same cache). */
  readonly tool: string;
  /** Cache directories, as root sees them in the official images. */
  readonly targets: readonly string[];
  readonly sharingLocked?: boolean;
  /** Base image the directories are right for (GOPATH, CARGO_HOME differ elsewhere). */
  readonly image?: RegExp;
  /** Options that turn the cache off; the fix removes them (a cache mount makes them pointless). */
  readonly disables?: readonly string[];
  /** What the step repeats without the cache (`downloads every package again`). */
  readonly work: string;
  /** What the cache mount keeps (`the downloads`). */
  readonly kept: string;
}

const DOWNLOADS = { work: 'downloads every package again', kept: 'the downloads' };

const APT: Plan = { tool: 'apt', targets: ['/var/cache/apt', '/var/lib/apt/lists'], sharingLocked: true, work: 'downloads every package again', kept: 'the package lists and the downloads' };
const PIP: Plan = { tool: 'pip', targets: ['/root/.cache/pip'], disables: ['--no-cache-dir'], ...DOWNLOADS };
const UV: Plan = { tool: 'uv', targets: ['/root/.cache/uv'], disables: ['--no-cache', '-n'], ...DOWNLOADS };
const NPM: Plan = { tool: 'npm', targets: ['/root/.npm'], ...DOWNLOADS };
// Go: the module cache and the build cache. `go build` gains most from the second: it compiles, not downloads.
const GO_DIRS = { tool: 'go', targets: ['/go/pkg/mod', '/root/.cache/go-build'], image: /(?:^|\/)golang$/ };
const GO_BUILD: Plan = { ...GO_DIRS, work: 'recompiles every package and fetches any missing module', kept: 'the compiled packages and the modules' };
const GO_MOD: Plan = { ...GO_DIRS, work: 'downloads every module again', kept: 'the modules' };
const CARGO: Plan = { tool: 'cargo', targets: ['/usr/local/cargo/registry'], image: /(?:^|\/)rust$/, work: 'downloads every crate again', kept: 'the crate downloads' };
const MAVEN: Plan = { tool: 'maven', targets: ['/root/.m2'], work: 'downloads every dependency and plugin again', kept: 'the local Maven repository' };
const NUGET: Plan = { tool: 'dotnet', targets: ['/root/.nuget/packages'], work: 'downloads every NuGet package again', kept: 'the NuGet packages' };

/** The cache a command fills (downloads, Go's build cache), if it is one we know the directory of. */
function planFor(cmd: ShellCommand): Plan | undefined {
  const rec = recognize(cmd);
  if (rec && rec.action === 'install') {
    switch (rec.manager) {
      case 'apt-get': case 'apt': return APT;
      case 'pip': return PIP;
      case 'uv': return UV;
      case 'npm': return NPM;
      default: break;
    }
  }
  const name = commandName(cmd);
  // Every command of every RUN is asked: read the arguments of the few tools below only.
  if (name !== 'go' && name !== 'cargo' && name !== 'mvn' && name !== 'mvnw' && name !== 'dotnet') return undefined;
  const args = commandArgs(cmd);
  const sub = args[0]?.value;
  if (name === 'go' && (sub === 'build' || sub === 'install' || sub === 'test')) return GO_BUILD;
  if (name === 'go' && sub === 'mod' && args[1]?.value === 'download') return GO_MOD;
  if (name === 'cargo' && ['build', 'fetch', 'install', 'test'].includes(sub ?? '')) return CARGO;
  // A goal (not `mvn --version`) means Maven resolves and downloads plugins and dependencies.
  if ((name === 'mvn' || name === 'mvnw') && args.some((w) => !w.value.startsWith('-'))) return MAVEN;
  if (name === 'dotnet' && ['restore', 'build', 'publish', 'test'].includes(sub ?? '')) return NUGET;
  return undefined;
}

/** The last word of the subcommand (`install` of `uv pip install`, `download` of `go mod download`). */
function subcommandWord(cmd: ShellCommand): ShellWord | undefined {
  const args = commandArgs(cmd);
  const rec = recognize(cmd);
  const words = rec ? rec.subcommand.split(' ') : args.filter((w) => !w.value.startsWith('-')).slice(0, commandName(cmd) === 'go' && args[0]?.value === 'mod' ? 2 : 1).map((w) => w.value);
  const last = words[words.length - 1];
  return last === undefined ? undefined : args.find((w) => w.value === last);
}

/** A mount on a cache directory, a parent of it, or inside it counts (the user chose their layout). */
function hasMount(instr: Instr, plan: Plan): boolean {
  for (const flag of mountFlags(instr)) {
    const target = mountTarget(flag);
    if (!target) continue;
    const m = cleanPath(target);
    for (const t of plan.targets) if (pathsOverlap(m, t)) return true;
  }
  return false;
}

/**
 * The user RUN executes as is root: USER root / 0, or no USER in the stage chain before it (the official images
 * whose cache directories the plans name all start as root).
 */
function runsAsRoot(model: DockerfileModel, run: Instr): boolean {
  const user = effectiveUser(model, run.stage!, run);
  return user.instr === undefined || isRoot(user.user) === 'yes';
}

/**
 * What `usedLater` and `cacheCopiedOut` look up, built once per lint when first asked: a file reports the same
 * missing cache in many stages, and scanning every later RUN's commands and every edge's FROM chain for each
 * report made the rule quadratic in the number of stages.
 */
interface Lookups {
  /** The stages built FROM each stage, directly or not, and the stage itself (those whose FROM chain holds it). */
  readonly descendants: ReadonlyMap<Stage, readonly Stage[]>;
  /** Per stage, the index of its last RUN with a command of each tool (filled for the stages asked about). */
  readonly lastUse: Map<Stage, ReadonlyMap<string, number>>;
  /** Per stage, the `COPY --from` edges whose source stage is built FROM it (or is it). */
  readonly copiesOut: ReadonlyMap<Stage, readonly StageEdge[]>;
}

function lookupsOf(model: DockerfileModel): Lookups {
  const descendants = new Map<Stage, Stage[]>();
  for (const s of model.stages) for (const t of stageChain(s)) pushTo(descendants, t, s);
  const copiesOut = new Map<Stage, StageEdge[]>();
  for (const e of model.edges) {
    if (e.kind !== 'copy-from' || e.target === undefined) continue;
    // `stageChain` lists a stage once, so each edge is listed once per stage.
    for (const t of stageChain(e.target)) pushTo(copiesOut, t, e);
  }
  return { descendants, lastUse: new Map(), copiesOut };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Later RUNs (same stage or stages built FROM it) that use the same tool: they may rely on the cache being in the layer. */
function usedLater(model: DockerfileModel, lookups: Lookups, run: Instr, plan: Plan): boolean {
  return (lookups.descendants.get(run.stage!) ?? []).some((s) => (lastUseIn(model, lookups, s).get(plan.tool) ?? -1) > run.index);
}

function lastUseIn(model: DockerfileModel, lookups: Lookups, stage: Stage): ReadonlyMap<string, number> {
  let tools = lookups.lastUse.get(stage);
  if (tools) return tools;
  const last = new Map<string, number>();
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN') continue;
    for (const script of shellScriptsOf(model, i)) {
      for (const c of script.script.commands) {
        const tool = planFor(c)?.tool;
        if (tool !== undefined) last.set(tool, i.index);
      }
    }
  }
  lookups.lastUse.set(stage, (tools = last));
  return tools;
}

/** A COPY --from this stage (or one built FROM it) of a path under a cache directory. */
function cacheCopiedOut(lookups: Lookups, stage: Stage, plan: Plan): boolean {
  return (lookups.copiesOut.get(stage) ?? []).some(
    (e) => e.instr.args.some((a) => plan.targets.some((t) => cleanPath(a.value).startsWith(t) || t.startsWith(cleanPath(a.value) + '/'))),
  );
}

function baseImage(stage: Stage): string | undefined {
  const root = rootStage(stage);
  return root.base.kind === 'image' ? root.base.name : undefined;
}

export default defineRule({
  id: 'prefer-cache-mount',
  meta: {
    category: 'performance',
    defaultSeverity: 'hint',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      mount: "'{{command}}' {{work}} whenever this builder step re-runs; a cache mount on {{dirs}} keeps {{kept}} between builds",
      add: 'Add a cache mount for {{tool}}',
    },
    docs: {
      summary: 'Package downloads in builder stages use RUN --mount=type=cache',
      rationale:
        'When a builder step re-runs (a manifest or an earlier layer changed), apt, pip, uv, npm, Go, Cargo, ' +
        'Maven or NuGet download every package again, and `go build` also recompiles every package. ' +
        '`RUN --mount=type=cache,target=<cache dir>` gives the step a cache that survives between builds and ' +
        'never ends up in a layer, so the next run only fetches (or, with Go\'s build cache, compiles) what ' +
        'changed.\n\n' +
        'Only builder stages (reachable stages that are not part of the final image) are reported; in the ' +
        'final image the size rules (`apt-clean-lists`, `pip-no-cache-dir`, `apk-no-cache`) apply instead. ' +
        'Go and Cargo directories are only proposed on the official `golang` and `rust` images, whose ' +
        '`GOPATH`/`CARGO_HOME` they match; `/root` directories only when the step runs as root.',
      fixSafety:
        'The fix adds the mount (and removes options such as `--no-cache-dir` that would make it useless). It ' +
        'is only offered when no later step of the stage uses the same tool (it might expect the cache in the ' +
        'layer), no stage copies files out of the cache directory, and, for apt, the RUN runs `apt-get update` ' +
        'itself (the mounted lists start empty) and does not delete the lists (which would empty the cache).',
      examples: {
        invalid: ['FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n'],
        valid: ['FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n'],
      },
    },
  },
  check({ model, report }) {
    const final = finalStages(model);
    let lookups: Lookups | undefined;
    for (const run of model.instructions) {
      if (run.keyword !== 'RUN' || !run.stage || final.has(run.stage) || !model.isReachable(run.stage)) continue;
      for (const script of shellScriptsOf(model, run)) {
        let cmd: ShellCommand | undefined;
        let plan: Plan | undefined;
        for (const c of script.script.commands) {
          plan = planFor(c);
          if (plan) {
            cmd = c;
            break;
          }
        }
        if (!cmd || !plan) continue;
        if (hasMount(run, plan)) break;
        if (plan.image && !plan.image.test(baseImage(run.stage) ?? '')) break;
        if (plan.tool === 'pip' && cmd.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR')) break;
        const head = commandHeadRange(model, cmd, subcommandWord(cmd));
        const root = plan.targets.some((t) => t.startsWith('/root/'));
        let edits: TextEdit[] | undefined;
        // A mount starts empty and hides what the layer had there: apt needs its own `update` in this RUN.
        // It must not delete them either: `rm -rf /var/lib/apt/lists/*` would empty the cache on every run.
        const ops = packageOpsOf(model, run);
        const refreshes = plan.tool !== 'apt' ||
          (ops.updates.some((u) => (u.manager === 'apt-get' || u.manager === 'apt') && !u.upgrade && u.command.start < cmd.start) && !ops.cleanups.some((c) => c.kinds.includes('apt-lists')));
        if (refreshes && (!root || runsAsRoot(model, run)) && !usedLater(model, (lookups ??= lookupsOf(model)), run, plan) && !cacheCopiedOut(lookups, run.stage, plan) && editableCommand(scriptOf(model, run, cmd), cmd)) {
          const mounts = plan.targets.map((t) => `--mount=type=cache,target=${t}${plan.sharingLocked ? ',sharing=locked' : ''}`).join(' ');
          edits = [insertAfterKeyword(run, mounts)];
          for (const option of plan.disables ?? []) {
            const found = findOptionIn(commandArgs(cmd), [option]);
            const w: ShellWord | undefined = found?.word;
            const removal = w && w.value === option ? removeWord(model, w) : undefined;
            if (w && !removal) edits = undefined;
            if (edits && removal) edits.push(removal);
          }
        }
        report({
          messageId: 'mount',
          data: { command: model.textOf(head).replace(/\\?\s+/g, ' '), work: plan.work, kept: plan.kept, dirs: plan.targets.join(' and ') },
          range: head,
          fixes: edits ? [{ messageId: 'add', data: { tool: plan.tool }, safety: 'safe', edits }] : [],
        });
        break;
      }
    }
  },
});
