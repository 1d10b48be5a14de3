/**
 * Paths each stage produces, and whether a path exists in a stage's image: WORKDIR, COPY/ADD destinations
 * (resolved against WORKDIR), what RUN commands write (buildOutputs.ts: `-o`, `mkdir`, `pip --user`,
 * `node_modules`, `target/`, …, and anything under the working directory of a build tool), absolute paths
 * that ENV/ARG values name, and the paths of the parent stages. Writes into a `RUN --mount` target (cache,
 * bind, tmpfs, secret) are not kept in the image: `RUN --mount=type=cache,target=/app/target cargo build`
 * leaves no `/app/target/release/…` behind.
 *
 * `pathStatus` answers 'missing' only when it is sure: the path is an application path (`/app`, `/src`,
 * `/home/<user>`, `/opt/<name>`, …), the base image is curated and does not ship it, and nothing in the
 * chain could write there (no script from the context, no build tool running in `/` or in an unknown
 * directory, no destination computed at build time). Everything else is 'produced' or 'unknown'.
 */
import { accountCommandsOf, type AccountCommand } from './accountCommands';
import { argDeclsOf, envDeclsOf } from './args';
import type { ImageFacts } from './baseImages';
import { commandEffect, type OutputKind } from './buildOutputs';
import { copyParts } from './copySources';
import { envAt } from './envAt';
import { baseFactsOf, stageChain } from './finalImage';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage } from './model';
import { isUnder, joinPath, pathsOverlap, topLevel, workdirAt, workdirValue } from './paths';
import { mountFlags, mountOption, mountTarget, mountType } from './runMounts';
import { runScriptsOf } from './runScript';
import { effectiveUser, homeOf, wordResolver } from './users';
import { wordValue } from './wordValue';

export type ProductionKind = OutputKind | 'workdir' | 'copy-dest' | 'env' | 'cwd' | 'home';

export interface PathProduction {
  readonly path: string;
  readonly kind: ProductionKind;
  /** Anything may exist under `path`, not only `path` itself. */
  readonly tree: boolean;
  readonly instr: Instr;
  /** Directories whose writes this instruction does not keep (its `--mount` targets). */
  readonly discarded: readonly string[];
  /** Files of the build context (`COPY . .`), whose names are unknown. */
  readonly fromContext?: boolean;
}

export interface RunMount {
  readonly instr: Instr;
  readonly type: string;
  readonly target: string;
}

export interface StagePaths {
  readonly productions: readonly PathProduction[];
  readonly mounts: readonly RunMount[];
  /** The first instruction that may write anywhere, making absence unknowable. */
  readonly opaque: { readonly instr: Instr; readonly reason: string } | undefined;
}

const NO_DIRS: readonly string[] = Object.freeze([]);
const NOTHING: StagePaths = Object.freeze({ productions: Object.freeze([]), mounts: Object.freeze([]), opaque: undefined });

/** Instructions that produce paths; RUN is the costly one (its shell script, `$HOME`, build conventions). */
const PRODUCERS = new Set(['WORKDIR', 'COPY', 'ADD', 'ENV', 'ARG', 'RUN']);

const stageCache = new ObjectMemo<Stage, StagePaths>();
/**
 * Per instruction, for `missingPathStatus` (missingSources.ts), which usually stops at a WORKDIR, COPY or ENV and
 * leaves RUNs unread. `stagePaths` reuses what it finds here but keeps only its own list: a stage read whole
 * needs no second copy of its facts per instruction (models stay in memory while their document is open).
 */
const instrCache = new ObjectMemo<Instr, StagePaths>();

/** What `stage`'s own instructions produce (parents excluded; see `pathStatus`). */
export function stagePaths(model: DockerfileModel, stage: Stage): StagePaths {
  const hit = stageCache.get(stage);
  if (hit) return hit;
  const productions: PathProduction[] = [];
  const mounts: RunMount[] = [];
  let opaque: StagePaths['opaque'];
  for (const instr of stage.instructions) {
    if (!PRODUCERS.has(instr.keyword)) continue;
    const own = instrCache.get(instr) ?? computeInstrPaths(model, stage, instr);
    if (own === NOTHING) continue;
    for (const p of own.productions) productions.push(p);
    for (const m of own.mounts) mounts.push(m);
    opaque ??= own.opaque;
  }
  const result = { productions, mounts, opaque };
  stageCache.set(stage, result);
  return result;
}

/** Whether `stagePaths` of `stage` is worked out already (reading it is then only a scan). */
export function stagePathsKnown(stage: Stage): boolean {
  return stageCache.has(stage);
}

/** What one instruction of `stage` produces, in the order `stagePaths` lists it. */
export function instrPaths(model: DockerfileModel, stage: Stage, instr: Instr): StagePaths {
  let paths = instrCache.get(instr);
  if (!paths) {
    paths = computeInstrPaths(model, stage, instr);
    instrCache.set(instr, paths);
  }
  return paths;
}

function computeInstrPaths(model: DockerfileModel, stage: Stage, instr: Instr): StagePaths {
  const productions: PathProduction[] = [];
  const mounts: RunMount[] = [];
  let opaque: StagePaths['opaque'];
  const blind = (instr: Instr, reason: string): void => {
    opaque ??= { instr, reason };
  };
  const add: Add = (path, kind, tree, discarded = NO_DIRS, fromContext = false) => {
    productions.push({ path, kind, tree, instr, discarded, fromContext });
  };
  const keyword = instr.keyword;
  const cwd = keyword === 'ENV' || keyword === 'ARG' ? undefined : workdirAt(model, instr);
  switch (keyword) {
    case 'WORKDIR': {
      const dir = workdirValue(model, instr, cwd);
      if (dir === undefined) blind(instr, 'its WORKDIR is only known at build time');
      else add(dir, 'workdir', false);
      break;
    }
    case 'COPY':
    case 'ADD':
      copyProductions(model, instr, cwd, add, blind);
      break;
    case 'ENV':
    case 'ARG':
      // `model.expand` returns a value without `$` as it is, and `namedPaths` skips a value without `/`.
      someDeclaredValue(instr, model.escapeChar, (raw) => {
        namedPaths(model.expand(raw, instr).value, (path) => add(path, 'env', true));
        return false;
      });
      break;
    case 'RUN':
      runProductions(model, stage, instr, cwd, add, mounts, blind);
      break;
  }
  if (productions.length === 0 && mounts.length === 0 && opaque === undefined) return NOTHING;
  return { productions, mounts: mounts.length === 0 ? NOTHING.mounts : mounts, opaque };
}

/**
 * Whether `test` holds for one of the values of an ENV, or the defaults of an ARG ('' for one without): what may
 * name paths, unexpanded. Stops at the first; read in place, without a list of the values (copy-from-existing-path
 * asks for every ENV and ARG up a chain, once per source).
 */
export function someDeclaredValue(instr: Instr, escapeChar: string, test: (value: string) => boolean): boolean {
  if (instr.keyword === 'ENV') {
    for (const d of envDeclsOf(instr)) if (test(d.value)) return true;
    return false;
  }
  for (const d of argDeclsOf(instr, escapeChar)) if (test(d.defaultValue ?? '')) return true;
  return false;
}

/**
 * Passes each absolute path an ENV or ARG value names (`/opt/app`, `PATH=/opt/app/bin:$PATH`), cleaned, to `each`,
 * until `each` returns true; true then.
 */
export function namedPaths(value: string, each: (path: string) => boolean | void): boolean {
  if (!value.includes('/')) return false;
  for (const part of value.split(/[:\s,;]/)) if (part.startsWith('/') && each(joinPath('/', part))) return true;
  return false;
}

type Add = (path: string, kind: ProductionKind, tree: boolean, discarded?: readonly string[], fromContext?: boolean) => void;
type Blind = (instr: Instr, reason: string) => void;

/** A source that names a file rather than a directory (`app.jar`, `package.json`, `.env`). */
function fileLike(value: string): boolean {
  const base = value.replace(/\/+$/, '').split('/').pop() ?? '';
  return !value.endsWith('/') && !/[*?[]/.test(base) && /.\.[A-Za-z0-9]+$/.test(base);
}

function copyProductions(model: DockerfileModel, instr: Instr, cwd: string | undefined, add: Add, blind: Blind): void {
  const parts = copyParts(model, instr);
  if (!parts?.dest) return;
  const dest = wordValue(model, parts.dest.value, instr);
  const rel = dest.value.replace(/\\/g, '/');
  const target = !dest.known ? undefined : rel.startsWith('/') ? joinPath('/', rel) : cwd !== undefined ? joinPath(cwd, rel) : undefined;
  if (target === undefined) {
    blind(instr, `the destination of this ${instr.keyword} is only known at build time`);
    return;
  }
  const isDir = rel.endsWith('/') || rel === '.' || parts.sources.length > 1;
  const archive = instr.keyword === 'ADD';
  for (const source of parts.sources) {
    const value = source.value;
    if (source.kind === 'heredoc') {
      add(isDir ? joinPath(target, source.raw.replace(/^<<-?["']?|["']$/g, '')) : target, 'copy-dest', false);
    } else if (value !== undefined && fileLike(value) && !(archive && /\.(tar|tgz|gz|bz2|xz|zst|zip)$/.test(value))) {
      add(isDir ? joinPath(target, value.split('/').pop()!) : target, 'copy-dest', false);
    } else if (target === '/') {
      blind(instr, `this ${instr.keyword} copies a directory into /`);
    } else {
      add(target, 'copy-dest', true, [], parts.fromContext);
    }
  }
}

function runProductions(
  model: DockerfileModel, stage: Stage, instr: Instr, start: string | undefined, add: Add, mounts: RunMount[], blind: Blind,
): void {
  const targets: string[] = [];
  for (const flag of mountFlags(instr)) {
    const type = mountType(flag);
    const raw = mountTarget(flag) ?? (type === 'secret' ? `/run/secrets/${mountOption(flag, 'id') ?? ''}` : undefined);
    if (raw === undefined) continue;
    const value = model.expand(raw, instr).value;
    const target = value.startsWith('/') ? joinPath('/', value) : start !== undefined ? joinPath(start, value) : undefined;
    if (target === undefined || value.includes('$')) {
      blind(instr, 'a mount target is only known at build time');
      continue;
    }
    targets.push(target);
    mounts.push({ instr, type, target });
  }
  const discarded = targets.length === 0 ? NO_DIRS : targets;
  // `$HOME` walks the account commands of the whole FROM chain, and few commands need it (`pip install --user`,
  // `~/…`, a bare `cd`): it is worked out on first use.
  let home: string | undefined | null = null;
  const ctx = {
    cwd: start,
    resolve: wordResolver(model, instr),
    env: (name: string): string | undefined => envAt(model, stage, name, instr)?.value,
    get home(): string | undefined {
      if (home === null) {
        const user = effectiveUser(model, stage, instr).user;
        home = user === undefined ? undefined : homeOf(model, stage, user, instr);
      }
      return home;
    },
  };
  for (const script of runScriptsOf(model, instr)) {
    if (script.language !== 'sh') {
      blind(instr, `it runs a ${script.interpreter ?? 'non-shell'} script`);
      continue;
    }
    ctx.cwd = start;
    for (const cmd of script.script.commands) {
      const effect = commandEffect(cmd, ctx);
      for (const a of accountCommandsOf(cmd, ctx.resolve)) {
        if (a.kind === 'user' && !a.membership && a.home !== undefined && createsHome(a)) add(a.home, 'home', false, discarded);
      }
      for (const o of effect.outputs) add(o.path, o.kind, o.tree, discarded);
      if (effect.cd !== undefined) ctx.cwd = effect.cd ?? undefined;
      if (effect.opaque) blind(instr, 'it runs a script or writes to a path only known at build time');
      if (effect.writesCwd) {
        if (ctx.cwd === undefined) blind(instr, 'it runs a build command in an unknown directory');
        else if (ctx.cwd === '/') blind(instr, 'it runs a build command in /');
        else add(ctx.cwd, 'cwd', true, discarded);
      }
    }
  }
}

/** Top-level directories of the filesystem hierarchy: never application paths. */
const SYSTEM_ROOTS = new Set(['bin', 'boot', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'media', 'mnt', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var']);
const APP_ROOTS = ['/app', '/src', '/srv', '/build', '/dist', '/workspace', '/out', '/output', '/code', '/project', '/usr/src/app'];

/**
 * An application path: where a build puts its own files (`/app/...`, `/src`, `/home/<user>/...`,
 * `/opt/<name>`, …), or, for a source written relative, any top-level directory outside the standard
 * hierarchy. System paths (`/usr`, `/etc`, `/bin`, …) never are.
 */
export function isApplicationPath(path: string, writtenRelative: boolean): boolean {
  if (APP_ROOTS.some((root) => isUnder(path, root))) return true;
  if (/^\/(home|opt)\/[^/]+/.test(path)) return true;
  const top = topLevel(path);
  return writtenRelative && top !== '' && top !== 'home' && top !== 'opt' && !SYSTEM_ROOTS.has(top);
}

/** Could the base image ship `path` (an application path)? True whenever the image is not curated. */
export function baseMayShip(facts: ImageFacts, path: string): boolean {
  if (!facts.known) return true;
  if (facts.family === 'scratch') return false;
  if (!['debian', 'ubuntu', 'alpine', 'distroless', 'busybox'].includes(facts.family)) return true;
  const home = /^\/home\/([^/]+)/.exec(path);
  if (home) return facts.users.includes(home[1]!) || facts.defaultUser === home[1];
  const opt = /^\/opt\/([^/]+)/.exec(path)?.[1];
  if (opt !== undefined) return (facts.language.name === 'java' && opt === 'java') || (facts.language.name === 'node' && opt.startsWith('yarn'));
  if (facts.repository === 'golang' && isUnder(path, '/go')) return true;
  return false;
}

export interface PathStatus {
  readonly status: 'produced' | 'missing' | 'unknown';
  /** For 'missing': nothing creates it, or only a RUN whose mount discards it. */
  readonly reason?: 'never-created' | 'discarded';
  /** For 'discarded': the mount that swallows the writes. */
  readonly mount?: RunMount;
  /** For 'produced': an instruction that (may) create it. */
  readonly by?: PathProduction;
  /** For 'unknown': why. */
  readonly why?: string;
}

/** Does `path` (absolute, clean) exist in the image of `stage` (its chain and base image included)? */
export function pathStatus(model: DockerfileModel, stage: Stage, path: string, writtenRelative = false): PathStatus {
  if (!isApplicationPath(path, writtenRelative)) return { status: 'unknown', why: 'not an application path' };
  if (baseMayShip(baseFactsOf(model, stage), path)) return { status: 'unknown', why: 'the base image may ship it' };
  const paths: StagePaths[] = [];
  for (const s of stageChain(stage)) paths.push(stagePaths(model, s));
  const opaque = paths.find((p) => p.opaque)?.opaque;
  if (opaque) return { status: 'unknown', why: opaque.reason };
  // The nearest stage's mounts first, without concatenating every mount list of the chain.
  let mount: RunMount | undefined;
  for (const p of paths) {
    mount = p.mounts.find((m) => isUnder(path, m.target));
    if (mount) break;
  }
  for (const own of paths) {
    for (const p of own.productions) {
      if (p.discarded.some((t) => isUnder(path, t) || (p.tree && isUnder(p.path, t)))) continue;
      // Build outputs under a cache mount are not expected from the context (`COPY . .` before `cargo build`).
      if (mount && p.fromContext && isUnder(mount.target, p.path) && mount.target !== p.path) continue;
      if (p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path)) return { status: 'produced', by: p };
    }
  }
  return mount ? { status: 'missing', reason: 'discarded', mount } : { status: 'missing', reason: 'never-created' };
}

/** Whether the account command creates the home directory (useradd only with -m; adduser unless told not to). */
function createsHome(a: AccountCommand): boolean {
  const words = a.command.words.map((w) => w.value);
  if (a.tool === 'useradd') return words.some((w) => w === '-m' || w === '--create-home' || /^-[A-Za-z]*m[A-Za-z]*$/.test(w));
  if (a.tool === 'adduser') return !words.some((w) => w === '--no-create-home' || w === '-H' || /^-[A-Za-z]*H/.test(w));
  return false;
}
