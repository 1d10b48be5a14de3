/**
 * Package-manager activity in shell scripts: what is installed (by which manager, with which flags and
 * versions), what is removed again, which caches and indexes are cleaned or refreshed. Rules ask "does the
 * final image keep gcc?", "is apt's list cache removed in the same RUN?", "is `--no-cache` set?"; they must
 * not re-implement command-line parsing for a dozen managers.
 *
 * Removals understand the idioms of official images: `apk add --virtual .build-deps … && apk del .build-deps`,
 * and `savedAptMark="$(apt-mark showmanual)"; apt-get install …; apt-mark auto '.*'; apt-mark manual
 * $savedAptMark; apt-get purge --auto-remove`, which removes everything installed after the snapshot (also
 * written `apt-mark showmanual | xargs apt-mark auto`).
 * Variables set earlier in the script (`buildDeps='gcc make'; apt-get install $buildDeps`) are expanded;
 * others can be resolved by the caller (ARG/ENV) through `options.resolve`.
 */
import { ObjectMemo } from './memo';
import { recognize, type PackageManager, type Recognized } from './packageManagers';
import { normalizeName, parseSpec, type Ecosystem } from './packageSpecs';
import { cleanupKindsOf, type CacheKind } from './packageCaches';
import { basename, commandArgs, commandName, findOptionFrom, findOptionIn, optionIndex, type ShellAssignment, type ShellCommand, type ShellScript, type ShellWord } from './shell';

export type { PackageManager } from './packageManagers';
export type { Ecosystem } from './packageSpecs';
export type { CacheKind } from './packageCaches';

export interface PackageRef {
  /** The operand as the manager sees it (`curl=7.88*`). */
  readonly spec: string;
  readonly name: string;
  readonly version: string | undefined;
  readonly constraint: string;
  readonly qualifier: string | undefined;
  /** `variable`: an unresolved `$VAR`; `group`: a dnf/yum group. */
  readonly kind: 'name' | 'path' | 'url' | 'variable' | 'group';
  /** Where the operand is written (for a name expanded from `$buildDeps`, the `$buildDeps` word). */
  readonly word: ShellWord;
  /** The script assignment the name came from, when it was expanded from a variable. */
  readonly via: ShellAssignment | undefined;
}

export interface InstallFlags {
  /** `-y`, `--yes`, `--assume-yes`, zypper `-n`. */
  readonly yes: boolean;
  /** apt `--no-install-recommends` / `-o APT::Install-Recommends=false`, dnf `install_weak_deps=False`, zypper `--no-recommends`. */
  readonly noInstallRecommends: boolean;
  /** apk / uv `--no-cache`. */
  readonly noCache: boolean;
  /** pip `--no-cache-dir` or `PIP_NO_CACHE_DIR=…` on the command. */
  readonly noCacheDir: boolean;
  /** pip `--user`. */
  readonly user: boolean;
  /** pip `-U` / `--upgrade`. */
  readonly upgrade: boolean;
  /** Development dependencies left out: npm `--omit=dev`/`--production`, yarn/pnpm `--prod`, uv `--no-dev`, poetry `--only main`. */
  readonly production: boolean;
}

interface Op {
  readonly manager: PackageManager;
  readonly ecosystem: Ecosystem;
  readonly command: ShellCommand;
  /** Order across all scripts passed to `parsePackageOps`. */
  readonly seq: number;
}

export interface PackageInstall extends Op {
  readonly subcommand: string;
  readonly packages: readonly PackageRef[];
  /** Installs what a manifest or lockfile lists (`npm ci`, `pip install -r …`, `poetry install`). */
  readonly fromManifest: boolean;
  /** `-r requirements.txt`, conda `--file`. */
  readonly manifests: readonly string[];
  /** npm/pnpm/bun `-g`, `yarn global add`. */
  readonly global: boolean;
  /** apk `--virtual .build-deps` / `-t`. */
  readonly group: string | undefined;
  /** pip `--target`/`--prefix`/`--root`, npm `--prefix`, cargo `--root`, gem `--install-dir`. */
  readonly target: string | undefined;
  readonly flags: InstallFlags;
}

export interface PackageRemoval extends Op {
  readonly packages: readonly PackageRef[];
  /** apt `--auto-remove` / `autoremove`: unneeded dependencies go too. */
  readonly autoRemove: boolean;
  /**
   * After `apt-mark auto '.*'`: removes every package installed after `sinceSeq` and before the marking
   * (`markedSeq`), except `keep`. A package installed after the marking is marked manual again by its install.
   */
  readonly allMarkedAuto: boolean;
  readonly sinceSeq: number;
  readonly markedSeq: number;
  readonly keep: readonly string[];
}

export interface CacheCleanup {
  readonly kinds: readonly CacheKind[];
  readonly command: ShellCommand;
  /** The `rm` operand, for path cleanups. */
  readonly word: ShellWord | undefined;
  readonly seq: number;
}

export interface IndexUpdate extends Op {
  /** `apt-get upgrade`, `dnf update`, `apk upgrade`: upgrades installed packages (not only the index). */
  readonly upgrade: boolean;
}

export interface PackageOps {
  readonly installs: readonly PackageInstall[];
  readonly removals: readonly PackageRemoval[];
  readonly cleanups: readonly CacheCleanup[];
  readonly updates: readonly IndexUpdate[];
}

export interface PackageOptions {
  /** Value of a variable the script does not set (ARG/ENV), for `$VAR` operands. */
  readonly resolve?: (name: string) => string | undefined;
}

const VAR_WORD = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
/** `$(apt-mark showmanual)` in an assignment or operand: the packages installed by hand so far. */
const SHOWMANUAL = /\bapt-mark\s+showmanual\b/;
const DECLARERS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);

export function parseInstalls(scripts: ShellScript | readonly ShellScript[], options: PackageOptions = {}): PackageInstall[] {
  return [...parsePackageOps(scripts, options).installs];
}

export function parsePackageOps(scripts: ShellScript | readonly ShellScript[], options: PackageOptions = {}): PackageOps {
  const list: readonly ShellScript[] = Array.isArray(scripts) ? scripts : [scripts as ShellScript];
  const ops = { installs: [] as PackageInstall[], removals: [] as PackageRemoval[], cleanups: [] as CacheCleanup[], updates: [] as IndexUpdate[] };
  const state = new ScriptState(options.resolve);
  let seq = 0;
  for (const script of list) {
    for (const cmd of script.commands) {
      seq++;
      try {
        visit(cmd, seq, pipedInto(script, cmd), state, ops);
      } catch {
        // A malformed command must not hide the rest of the script.
      }
    }
  }
  return ops;
}

/**
 * What earlier commands of the scripts said: variables they set and the apt-mark idiom's progress. One per
 * `parsePackageOps`; the variable table is made only for a script that sets a variable (most set none).
 */
class ScriptState {
  private vars: Map<string, ShellAssignment> | undefined;
  /** `$(apt-mark showmanual)` snapshot, `apt-mark auto '.*'`, and the names marked manual again. */
  snapshotSeq = -1;
  allAutoSeq = -1;
  readonly keep: string[] = [];
  /** Reads a script variable first, then the caller's (ARG/ENV): made once per parse, not per command. */
  readonly resolve: Resolver;

  constructor(outer: ((name: string) => string | undefined) | undefined) {
    this.resolve = (n) => this.vars?.get(n) ?? outer?.(n);
  }

  set(name: string, a: ShellAssignment): void {
    (this.vars ??= new Map()).set(name, a);
  }
}

/** The command `cmd`'s output is piped into (`a | b` → `b`). */
function pipedInto(script: ShellScript, cmd: ShellCommand): ShellCommand | undefined {
  const next = script.commands[cmd.index + 1];
  return cmd.nextOp === '|' && next?.op === '|' ? next : undefined;
}

function visit(
  cmd: ShellCommand,
  seq: number,
  next: ShellCommand | undefined,
  state: ScriptState,
  ops: { installs: PackageInstall[]; removals: PackageRemoval[]; cleanups: CacheCleanup[]; updates: IndexUpdate[] },
): void {
  rememberVariables(cmd, state);
  for (const a of cmd.assignments) {
    if (SHOWMANUAL.test(a.value)) {
      state.snapshotSeq = seq;
      break;
    }
  }
  const name = commandName(cmd);
  if (name === 'apt-mark') return trackAptMark(cmd, seq, next, state);
  const rec = recognize(cmd);
  const kinds = cleanupKindsOf(cmd, rec);
  for (const k of kinds) ops.cleanups.push({ kinds: k.kinds, word: k.word, command: cmd, seq });
  if (!rec) return;
  switch (rec.action) {
    case 'install': {
      const install = toInstall(rec, cmd, seq, state.resolve);
      ops.installs.push(install);
      if (rec.manager === 'apk' && has(rec, APK_UPDATE)) ops.updates.push({ manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq, upgrade: false });
      return;
    }
    case 'remove': {
      const autoRemove = /autoremove|autopurge/.test(rec.subcommand) || has(rec, AUTO_REMOVE);
      const allMarkedAuto = rec.ecosystem === 'deb' && autoRemove && state.allAutoSeq >= 0;
      ops.removals.push({
        manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq,
        packages: packagesOf(rec, state.resolve),
        autoRemove,
        allMarkedAuto,
        sinceSeq: allMarkedAuto ? state.snapshotSeq : -1,
        markedSeq: allMarkedAuto ? state.allAutoSeq : -1,
        keep: allMarkedAuto ? [...state.keep] : [],
      });
      return;
    }
    case 'update':
    case 'upgrade':
      ops.updates.push({ manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq, upgrade: rec.action === 'upgrade' });
      return;
    case 'clean':
      return;
  }
}

function trackAptMark(cmd: ShellCommand, seq: number, next: ShellCommand | undefined, apt: ScriptState): void {
  const args = commandArgs(cmd).filter((w) => !w.value.startsWith('-'));
  if (args[0]?.value === 'showmanual') {
    // Piped into `xargs apt-mark auto`, the list is what gets marked, not a snapshot to restore later.
    if (next && xargsMarksAuto(next)) apt.allAutoSeq = seq;
    else if (apt.snapshotSeq < 0) apt.snapshotSeq = seq;
  }
  if (args[0]?.value === 'auto' && args.some((w) => w.value === '.*' || w.value === '~i' || SHOWMANUAL.test(w.value))) apt.allAutoSeq = seq;
  if (args[0]?.value === 'manual') for (const w of args.slice(1)) if (!w.expansion) apt.keep.push(w.value);
}

/** `xargs [options] apt-mark auto`: marks every package named on its input as automatically installed. */
function xargsMarksAuto(cmd: ShellCommand): boolean {
  if (commandName(cmd) !== 'xargs') return false;
  const args = commandArgs(cmd);
  const at = args.findIndex((w) => basename(w.value) === 'apt-mark');
  return at >= 0 && args.slice(at + 1).find((w) => !w.value.startsWith('-'))?.value === 'auto';
}

function rememberVariables(cmd: ShellCommand, state: ScriptState): void {
  if (cmd.words.length === 0) {
    for (const a of cmd.assignments) state.set(a.name, a);
    return;
  }
  if (!DECLARERS.has(cmd.words[0]!.value)) return;
  for (const w of cmd.words.slice(1)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.value);
    if (m) state.set(m[1]!, { name: m[1]!, value: w.value.slice(m[0].length), word: w });
  }
}

// Option lists as constants: a rest parameter made an array per lookup (a dozen lookups per install).
const APK_UPDATE = ['-U', '--update', '--update-cache'];
const AUTO_REMOVE = ['--auto-remove', '--autoremove'];
const EDITABLE = ['-e', '--editable'];
const GEM_VERSION = ['-v', '--version'];
const CARGO_VERSION = ['--version', '--vers'];
const REQUIREMENTS = ['-r', '--requirement', '--requirements'];
const CONDA_FILE = ['--file'];
const SETOPT = ['--setopt'];
const APT_OPTION = ['-o', '--option'];
const OMIT = ['--omit'];
const GLOBAL = ['-g', '--global'];
const LOCATION = ['--location'];
const VIRTUAL = ['--virtual', '-t'];
const YES = ['-y', '--yes', '--assume-yes', '--assumeyes', '--force-yes'];
const ZYPPER_YES = ['-n', '--non-interactive', '--no-confirm'];
const NO_RECOMMENDS = ['--no-install-recommends', '--no-recommends'];
const NO_CACHE = ['--no-cache'];
const NO_CACHE_DIR = ['--no-cache-dir'];
const USER = ['--user'];
const UPGRADE = ['-U', '--upgrade'];
const PRODUCTION = ['--production', '--prod', '--no-dev'];
const ONLY = ['--only'];
const PNPM_PROD = ['-P'];
const PYTHON_TARGET = ['-t', '--target', '--prefix', '--root'];
const NODE_TARGET = ['--prefix', '--modules-folder'];
const RUST_TARGET = ['--root'];
const RUBY_TARGET = ['-i', '--install-dir'];

// `rec.options` holds every option word before `--`: without one, no lookup can match (a dozen per install).
function has(rec: Recognized, aliases: readonly string[]): boolean {
  return rec.options.length > 0 && optionIndex(rec.args, 0, aliases) >= 0;
}

function value(rec: Recognized, aliases: readonly string[]): string | undefined {
  return rec.options.length > 0 ? findOptionIn(rec.args, aliases, true)?.value : undefined;
}

/** Every value of a repeatable option (`-r a.txt -r b.txt`). */
function values(rec: Recognized, aliases: readonly string[]): string[] {
  const out: string[] = [];
  if (rec.options.length === 0) return out;
  for (let i = 0; i < rec.args.length; ) {
    const hit = findOptionFrom(rec.args, i, aliases, true);
    if (!hit) break;
    if (hit.value !== undefined) out.push(hit.value);
    i = hit.argIndex + (hit.valueWord ? 1 : 0) + 1;
  }
  return out;
}

type Resolver = (n: string) => ShellAssignment | string | undefined;

/** What an install command says by itself: everything but where it stands (`Op`). */
type InstallCore = Omit<PackageInstall, keyof Op>;

/**
 * Install cores of commands whose operands name no variable (nearly all): the same whatever the scope, so package
 * ops and the dependency-install classification (`installOf`) read each command line once. Only install commands
 * get an entry.
 */
const coreCache = new ObjectMemo<Recognized, InstallCore>();

// Written out rather than spread: spreading objects of two shapes was the most expensive line of package ops.
function toInstall(rec: Recognized, command: ShellCommand, seq: number, resolve: Resolver): PackageInstall {
  const c = installCore(rec, command, resolve);
  return {
    manager: rec.manager, ecosystem: rec.ecosystem, command, seq,
    subcommand: c.subcommand, packages: c.packages, fromManifest: c.fromManifest, manifests: c.manifests,
    global: c.global, group: c.group, target: c.target, flags: c.flags,
  };
}

function installCore(rec: Recognized, command: ShellCommand, resolve: Resolver): InstallCore {
  const hit = coreCache.get(rec);
  if (hit) return hit;
  const core = readInstall(rec, command, resolve);
  if (!rec.operands.some((w) => VAR_WORD.test(w.value))) coreCache.set(rec, core);
  return core;
}

const NO_RESOLVE: Resolver = () => undefined;

/**
 * The install `cmd` performs on its own, with `$VAR` operands left unresolved: what `parseInstalls` finds in a
 * script of that one command.
 */
export function installOf(cmd: ShellCommand): PackageInstall | undefined {
  try {
    const rec = recognize(cmd);
    if (!rec || rec.action !== 'install') return undefined;
    return toInstall(rec, cmd, 1, NO_RESOLVE);
  } catch {
    return undefined;
  }
}

function readInstall(rec: Recognized, command: ShellCommand, resolve: Resolver): InstallCore {
  const eco = rec.ecosystem;
  const packages = packagesOf(rec, resolve);
  if (eco === 'python') {
    for (const ed of values(rec, EDITABLE)) {
      const w = rec.args.find((x) => x.value === ed || x.value.endsWith('=' + ed)) ?? command.words[0]!;
      packages.push(ref(ed, eco, w, undefined));
    }
  }
  const pinned = eco === 'ruby' ? value(rec, GEM_VERSION) : eco === 'rust' ? value(rec, CARGO_VERSION) : undefined;
  const withVersion = pinned ? packages.map((p) => (p.version ? p : { ...p, version: pinned, constraint: pinned })) : packages;
  const manifests = eco === 'python' ? values(rec, REQUIREMENTS) : eco === 'conda' ? values(rec, CONDA_FILE) : [];
  const rpmSetopt = values(rec, SETOPT).some((v) => /^install_weak_deps\s*=\s*(false|0|no)$/i.test(v));
  const aptOption = values(rec, APT_OPTION).some((v) => /^APT::Install-Recommends\s*=\s*"?(false|0|no)"?$/i.test(v));
  const pipNoCacheEnv = command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR');
  const omit = values(rec, OMIT);
  return {
    subcommand: rec.subcommand,
    packages: /^(group|module)/.test(rec.subcommand) ? withVersion.map((p) => ({ ...p, kind: 'group' as const })) : withVersion,
    fromManifest: manifests.length > 0 || (rec.manifestCapable && packages.length === 0),
    manifests,
    global:
      rec.subcommand.startsWith('global ') ||
      (eco === 'node' && (has(rec, GLOBAL) || value(rec, LOCATION) === 'global')),
    group: rec.manager === 'apk' ? value(rec, VIRTUAL) : undefined,
    target: targetOf(rec),
    flags: {
      yes: has(rec, YES) || (rec.manager === 'zypper' && has(rec, ZYPPER_YES)),
      noInstallRecommends: has(rec, NO_RECOMMENDS) || aptOption || rpmSetopt,
      noCache: (rec.manager === 'apk' || rec.manager === 'uv') && has(rec, NO_CACHE),
      noCacheDir: has(rec, NO_CACHE_DIR) || pipNoCacheEnv,
      user: eco === 'python' && has(rec, USER),
      upgrade: eco === 'python' && has(rec, UPGRADE),
      production:
        has(rec, PRODUCTION) || omit.includes('dev') || /^prod/.test(value(rec, ONLY) ?? '') ||
        (rec.manager === 'pnpm' && has(rec, PNPM_PROD)) || (rec.manager === 'poetry' && value(rec, ONLY) === 'main'),
    },
  };
}

function targetOf(rec: Recognized): string | undefined {
  switch (rec.ecosystem) {
    case 'python': return value(rec, PYTHON_TARGET);
    case 'node': return value(rec, NODE_TARGET);
    case 'rust': return value(rec, RUST_TARGET);
    case 'ruby': return value(rec, RUBY_TARGET);
    default: return undefined;
  }
}

function packagesOf(rec: Recognized, resolve: Resolver): PackageRef[] {
  const out: PackageRef[] = [];
  for (const w of rec.operands) {
    const m = VAR_WORD.exec(w.value);
    const bound = m ? resolve(m[1]!) : undefined;
    const text = bound === undefined ? undefined : typeof bound === 'string' ? bound : bound.value;
    // A value computed at build time (`runDeps="$(scanelf …)"`) names packages we cannot know.
    if (m && text !== undefined && !/\$\(|`/.test(text)) {
      const via = typeof bound === 'string' ? undefined : bound;
      for (const spec of text.split(/\s+/)) if (spec && spec !== '\\') out.push(ref(spec, rec.ecosystem, w, via));
      continue;
    }
    out.push(ref(w.value, rec.ecosystem, w, undefined));
  }
  return out;
}

function ref(spec: string, eco: Ecosystem, word: ShellWord, via: ShellAssignment | undefined): PackageRef {
  const p = parseSpec(spec, eco);
  // `prisma@$VERSION` still names prisma; only a name computed at build time (`gcc-$V`, `pkg-${V}`) is unknown.
  const dynamic = p.kind === 'name' && (/[$`]/.test(p.name) || /^[$`]/.test(p.constraint));
  if (dynamic) return { spec, name: spec, version: undefined, constraint: '', qualifier: undefined, kind: 'variable', word, via };
  return { spec, name: p.name, version: p.version, constraint: p.constraint, qualifier: p.qualifier, kind: p.kind, word, via };
}

/** The removal, after `install`, that takes `pkg` (or, without `pkg`, every package of `install`) away again. */
export function removalOf(ops: PackageOps, install: PackageInstall, pkg?: PackageRef): PackageRemoval | undefined {
  const wanted = pkg ? [pkg] : install.packages;
  if (wanted.length === 0) return undefined;
  return ops.removals.find((r) => {
    if (r.seq <= install.seq || r.ecosystem !== install.ecosystem) return false;
    if (r.allMarkedAuto && install.seq > r.sinceSeq && install.seq < r.markedSeq) return wanted.every((p) => !r.keep.includes(p.name));
    const names = new Set(r.packages.map((p) => normalizeName(p.name, r.ecosystem)));
    if (install.group && names.has(install.group)) return true;
    return wanted.every((p) => names.has(normalizeName(p.name, install.ecosystem)));
  });
}

/** A cleanup of `kind` after `install` (e.g. `rm -rf /var/lib/apt/lists/*` after `apt-get install`). */
export function cleanupAfter(ops: PackageOps, install: PackageInstall | IndexUpdate, kind: CacheKind): CacheCleanup | undefined {
  return ops.cleanups.find((c) => c.seq > install.seq && c.kinds.includes(kind));
}
