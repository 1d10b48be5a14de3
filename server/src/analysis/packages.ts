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
 * others can be resolved by the caller (ARG/ENV) through `options.resolve`. What one install command line says
 * by itself (packages, flags, manifests, target) is read in `packageInstalls.ts`.
 */
import { recognize, type PackageManager } from './packageManagers';
import { APK_UPDATE, AUTO_REMOVE, has, packagesOf, toInstall, type Resolver } from './packageInstalls';
import { normalizeName, type Ecosystem } from './packageSpecs';
import { cleanupKindsOf, type CacheKind } from './packageCaches';
import { basename, commandArgs, commandName, type ShellAssignment, type ShellCommand, type ShellScript, type ShellWord } from './shell';

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

export interface Op {
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

/** `$(apt-mark showmanual)` in an assignment or operand: the packages installed by hand so far. */
const SHOWMANUAL = /\bapt-mark\s+showmanual\b/;
const DECLARERS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
/** `NAME=` at the start of an `export`/`local`/… word. */
const DECLARED = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const AUTO_REMOVE_SUBCOMMAND = /autoremove|autopurge/;

export function parseInstalls(scripts: ShellScript | readonly ShellScript[], options: PackageOptions = {}): PackageInstall[] {
  return [...parsePackageOps(scripts, options).installs];
}

export function parsePackageOps(scripts: ShellScript | readonly ShellScript[], options: PackageOptions = {}): PackageOps {
  const list: readonly ShellScript[] = Array.isArray(scripts) ? scripts : [scripts as ShellScript];
  const ops: OpLists = { installs: undefined, removals: undefined, cleanups: undefined, updates: undefined };
  const state = new ScriptState(options);
  let seq = 0;
  // Index loops here and in `visit`: `for…of` made an iterator per loop that V8 did not optimise away.
  for (let s = 0; s < list.length; s++) {
    const script = list[s]!;
    for (let c = 0; c < script.commands.length; c++) {
      const cmd = script.commands[c]!;
      seq++;
      try {
        visit(cmd, seq, pipedInto(script, cmd), state, ops);
      } catch {
        // A malformed command must not hide the rest of the script.
      }
    }
  }
  return { installs: ops.installs ?? NONE, removals: ops.removals ?? NONE, cleanups: ops.cleanups ?? NONE, updates: ops.updates ?? NONE };
}

/** Shared by every answer without an entry of a kind (most scripts install, update or clean once at most). */
const NONE: readonly never[] = Object.freeze([]);

/** The lists of a `PackageOps` as they fill, each made at its first entry (see `append`). */
interface OpLists {
  installs: PackageInstall[] | undefined;
  removals: PackageRemoval[] | undefined;
  cleanups: CacheCleanup[] | undefined;
  updates: IndexUpdate[] | undefined;
}

/**
 * `list` with `x` added, made at the first entry at the size of one: a list started empty grows with room for 16
 * entries at the first, and most scripts have one or two of a kind.
 */
function append<T>(list: T[] | undefined, x: T): T[] {
  if (!list) return [x];
  list.push(x);
  return list;
}

/**
 * What earlier commands of the scripts said: variables they set and the apt-mark idiom's progress. One per
 * `parsePackageOps`; the variable table is made only for a script that sets a variable (most set none). It is the
 * resolver of `$VAR` operands too: a script variable first, then the caller's (ARG/ENV).
 */
class ScriptState implements Resolver {
  private vars: Map<string, ShellAssignment> | undefined;
  /** `$(apt-mark showmanual)` snapshot, `apt-mark auto '.*'`, and the names marked manual again. */
  snapshotSeq = -1;
  allAutoSeq = -1;
  keep: string[] | undefined;

  /** Called as a method of the caller's options (`ScopeValues` keeps its model and instruction there). */
  constructor(private readonly outer: PackageOptions) {}

  resolve(name: string): ShellAssignment | string | undefined {
    return this.vars?.get(name) ?? this.outer.resolve?.(name);
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
  ops: OpLists,
): void {
  rememberVariables(cmd, state);
  for (let i = 0; i < cmd.assignments.length; i++) {
    if (SHOWMANUAL.test(cmd.assignments[i]!.value)) {
      state.snapshotSeq = seq;
      break;
    }
  }
  const name = commandName(cmd);
  if (name === 'apt-mark') return trackAptMark(cmd, seq, next, state);
  const rec = recognize(cmd);
  const kinds = cleanupKindsOf(cmd, rec);
  for (let i = 0; i < kinds.length; i++) ops.cleanups = append(ops.cleanups, { kinds: kinds[i]!.kinds, word: kinds[i]!.word, command: cmd, seq });
  if (!rec) return;
  switch (rec.action) {
    case 'install': {
      ops.installs = append(ops.installs, toInstall(rec, cmd, seq, state));
      if (rec.manager === 'apk' && has(rec, APK_UPDATE)) ops.updates = append(ops.updates, { manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq, upgrade: false });
      return;
    }
    case 'remove': {
      const autoRemove = AUTO_REMOVE_SUBCOMMAND.test(rec.subcommand) || has(rec, AUTO_REMOVE);
      const allMarkedAuto = rec.ecosystem === 'deb' && autoRemove && state.allAutoSeq >= 0;
      ops.removals = append(ops.removals, {
        manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq,
        packages: packagesOf(rec, state),
        autoRemove,
        allMarkedAuto,
        sinceSeq: allMarkedAuto ? state.snapshotSeq : -1,
        markedSeq: allMarkedAuto ? state.allAutoSeq : -1,
        keep: allMarkedAuto && state.keep ? [...state.keep] : [],
      });
      return;
    }
    case 'update':
    case 'upgrade':
      ops.updates = append(ops.updates, { manager: rec.manager, ecosystem: rec.ecosystem, command: cmd, seq, upgrade: rec.action === 'upgrade' });
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
  if (args[0]?.value === 'manual') for (const w of args.slice(1)) if (!w.expansion) (apt.keep ??= []).push(w.value);
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
    const m = DECLARED.exec(w.value);
    if (m) state.set(m[1]!, { name: m[1]!, value: w.value.slice(m[0].length), word: w });
  }
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
