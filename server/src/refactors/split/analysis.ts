/**
 * What a single-stage Dockerfile does, seen from the split refactor: the working directory at each
 * instruction, where the build happens (`tree`), the last build step (everything after it only configures the
 * image), the kind of every RUN, and the programs the image runs (CMD/ENTRYPOINT/HEALTHCHECK), which the
 * runtime stage must still be able to start.
 */
import { copyParts } from '../../analysis/copySources';
import { cleanPath } from '../../analysis/dockerignore';
import type { ImageFacts } from '../../analysis/baseImages';
import type { DockerfileModel, Instr, Stage } from '../../analysis/model';
import { runScriptsOf } from '../../analysis/runScript';
import { commandName, commandWordIndex, type ShellCommand } from '../../analysis/shell';
import { wordValue } from '../../analysis/wordValue';
import type { FileStyle } from '../style';
import { runCommands, runKind, type RunKind } from './runKinds';
import { own } from '../../analysis/ownKey';

export interface Program {
  /** The executable as written (`gunicorn`, `./server`, `/app/bin/run`). */
  readonly executable: string;
  readonly args: readonly string[];
  readonly instr: Instr;
  /** Run through `/bin/sh -c` (shell form): the image needs a shell. */
  readonly viaShell: boolean;
}

export interface SplitAnalysis {
  readonly model: DockerfileModel;
  readonly stage: Stage;
  readonly style: FileStyle;
  /** Facts of the base image. */
  readonly facts: ImageFacts;
  readonly instrs: readonly Instr[];
  /** Absolute WORKDIR before instruction `i` (undefined when a variable makes it unknown). */
  readonly workdirBefore: readonly (string | undefined)[];
  /** Index of the last build step: a RUN that is not only packages/users/setup, or a COPY into the tree. */
  readonly last: number;
  /** The directory the build runs in (WORKDIR at the last build step). */
  readonly tree: string | undefined;
  /** WORKDIR in effect when the container starts. */
  readonly finalWorkdir: string | undefined;
  readonly runKinds: ReadonlyMap<Instr, RunKind>;
  /** Commands of every RUN run by a shell. */
  readonly commands: ReadonlyMap<Instr, readonly ShellCommand[]>;
  /** Programs started by ENTRYPOINT/CMD (the container) and HEALTHCHECK. */
  readonly programs: readonly Program[];
  /** The image's user at the end (last USER value), undefined when never set. */
  readonly user: { readonly value: string; readonly instr: Instr } | undefined;
}

/** Default WORKDIR of base images that set one. */
const BASE_WORKDIRS: Readonly<Record<string, string>> = { golang: '/go' };

export function resolvePath(base: string | undefined, path: string): string | undefined {
  if (path.startsWith('/')) return cleanPath(path);
  if (base === undefined) return undefined;
  return cleanPath(`${base}/${path}`);
}

/** Destination of a COPY/ADD as an absolute path (a trailing `/` kept), undefined when unknown. */
export function copyDestination(model: DockerfileModel, instr: Instr, workdir: string | undefined): string | undefined {
  const parts = copyParts(model, instr);
  if (!parts?.dest) return undefined;
  const value = parts.json ? parts.dest.value : wordValue(model, parts.dest.value, instr);
  const text = typeof value === 'string' ? value : value.known ? value.value : undefined;
  if (text === undefined) return undefined;
  const resolved = resolvePath(workdir, text);
  if (resolved === undefined) return undefined;
  return text.endsWith('/') || text === '.' ? `${resolved === '/' ? '' : resolved}/` : resolved;
}

function programsOf(model: DockerfileModel, instr: Instr): Program[] {
  const out: Program[] = [];
  for (const script of runScriptsOf(model, instr)) {
    if (script.language !== 'sh') continue;
    for (const cmd of script.script.commands) {
      const at = commandWordIndex(cmd);
      if (at < 0) continue;
      const words = cmd.words.slice(at).map((w) => w.value);
      out.push({ executable: words[0]!, args: words.slice(1), instr, viaShell: script.form !== 'exec' || cmd.parent !== undefined });
    }
  }
  return out;
}

/** The programs the container starts: ENTRYPOINT (with CMD as its arguments), else CMD; plus HEALTHCHECK. */
function containerPrograms(model: DockerfileModel, instrs: readonly Instr[]): Program[] {
  const last = (k: string) => [...instrs].reverse().find((i) => i.keyword === k);
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  const healthcheck = last('HEALTHCHECK');
  const out: Program[] = [];
  if (entrypoint) {
    const ep = programsOf(model, entrypoint);
    out.push(...ep);
    // Exec-form ENTRYPOINT + exec-form CMD: the CMD words are arguments (`ENTRYPOINT ["node"]`, `CMD ["dist/a.js"]`).
    const first = ep[0];
    if (cmd && first && !first.viaShell && ep.length === 1) {
      const args = programsOf(model, cmd);
      if (args.length === 1 && !args[0]!.viaShell) out[0] = { ...first, args: [...first.args, args[0]!.executable, ...args[0]!.args] };
    }
  } else if (cmd) out.push(...programsOf(model, cmd));
  if (healthcheck) out.push(...programsOf(model, healthcheck));
  return out;
}

export function analyseStage(model: DockerfileModel, stage: Stage, facts: ImageFacts, style: FileStyle): SplitAnalysis | undefined {
  const instrs = stage.instructions;
  const workdirBefore: (string | undefined)[] = [];
  let wd: string | undefined = own(BASE_WORKDIRS, facts.repository) ?? '/';
  for (const instr of instrs) {
    workdirBefore.push(wd);
    if (instr.keyword === 'WORKDIR' && instr.args[0]) {
      const value = wordValue(model, instr.args.map((a) => a.value).join(' '), instr);
      wd = value.known ? resolvePath(wd, value.value) : undefined;
    }
  }
  const finalWorkdir = wd;
  const commands = new Map<Instr, readonly ShellCommand[]>();
  for (const instr of instrs) {
    if (instr.keyword !== 'RUN') continue;
    const cmds = runCommands(model, instr);
    if (cmds) commands.set(instr, cmds);
  }
  // The tree is where the build steps (RUNs that are not setup) run; first pass without a tree.
  let last = -1;
  instrs.forEach((instr, i) => {
    if (instr.keyword === 'RUN' && runKind(model, instr, undefined) === 'other') last = i;
  });
  instrs.forEach((instr, i) => {
    if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flag('from')) {
      const dest = copyDestination(model, instr, workdirBefore[i]);
      const wdHere = workdirBefore[i];
      if (i > last && dest !== undefined && wdHere !== undefined && wdHere !== '/' && (dest === `${wdHere}/` || dest.startsWith(`${wdHere}/`) || dest === wdHere) && isSourceCopy(model, instr)) last = i;
    }
  });
  if (last < 0) return undefined;
  const tree = workdirBefore[last];
  const runKinds = new Map<Instr, RunKind>();
  for (const instr of instrs) if (instr.keyword === 'RUN') runKinds.set(instr, runKind(model, instr, tree));
  // A RUN that turned out to touch the tree is a build step too.
  instrs.forEach((instr, i) => {
    if (i > last && runKinds.get(instr) === 'other') last = i;
  });
  const userInstr = [...instrs].reverse().find((i) => i.keyword === 'USER');
  const user = userInstr?.args[0] ? { value: userInstr.args.map((a) => a.value).join(' '), instr: userInstr } : undefined;
  return {
    model, stage, style, facts, instrs, workdirBefore, last, tree: workdirBefore[last], finalWorkdir, runKinds, commands,
    programs: containerPrograms(model, instrs), user,
  };
}

/** A COPY of the sources (`COPY . .`, `COPY src ./src`) rather than of a single file outside the source tree. */
function isSourceCopy(model: DockerfileModel, instr: Instr): boolean {
  return copyParts(model, instr) !== undefined;
}

/** Names of the commands run by the build steps (to recognise the ecosystem). */
export function buildCommandNames(analysis: SplitAnalysis): Set<string> {
  const names = new Set<string>();
  for (const [instr, cmds] of analysis.commands) {
    if (analysis.runKinds.get(instr) !== 'other') continue;
    for (const c of cmds) {
      const n = commandName(c);
      if (n) names.add(n);
    }
  }
  return names;
}
