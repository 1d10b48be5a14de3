/**
 * What a package-manager install command says by itself: its packages (with `$VAR` operands resolved through the
 * caller), manifests, target, group and the flags rules ask about (`--no-install-recommends`, `--no-cache`, …).
 * `packages.ts` places installs in their script (order, removals, cleanups); this module reads one command line,
 * once per command (`installOf`, and the install cores cached per recognized command).
 */
import { ObjectMemo } from './memo';
import type { Recognized } from './packageManagers';
import { recognize } from './packageManagers';
import type { Op, PackageInstall, PackageRef } from './packages';
import { parseSpec, type Ecosystem } from './packageSpecs';
import { findOptionFrom, findOptionIn, optionIndex, type ShellAssignment, type ShellCommand, type ShellWord } from './shell';

const VAR_WORD = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

// Option lists are constants, not rest parameters: a rest parameter makes an array per lookup (a dozen per install).
export const APK_UPDATE = ['-U', '--update', '--update-cache'];
export const AUTO_REMOVE = ['--auto-remove', '--autoremove'];
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
export function has(rec: Recognized, aliases: readonly string[]): boolean {
  return rec.options.length > 0 && optionIndex(rec.args, 0, aliases) >= 0;
}

function value(rec: Recognized, aliases: readonly string[]): string | undefined {
  return rec.options.length > 0 ? findOptionIn(rec.args, aliases, true)?.value : undefined;
}

/** Shared by the answers without a value (nearly all: each install asks for five repeatable options). */
const NO_VALUES: readonly string[] = Object.freeze([]);

/** Every value of a repeatable option (`-r a.txt -r b.txt`). */
function values(rec: Recognized, aliases: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  if (rec.options.length === 0) return NO_VALUES;
  for (let i = 0; i < rec.args.length; ) {
    const hit = findOptionFrom(rec.args, i, aliases, true);
    if (!hit) break;
    if (hit.value !== undefined) (out ??= []).push(hit.value);
    i = hit.argIndex + (hit.valueWord ? 1 : 0) + 1;
  }
  return out ?? NO_VALUES;
}

// Tests of option values, made once (an arrow or a regular expression literal in `readInstall` is a new object per call).
const NO_WEAK_DEPS = /^install_weak_deps\s*=\s*(false|0|no)$/i;
const NO_RECOMMENDS_OPTION = /^APT::Install-Recommends\s*=\s*"?(false|0|no)"?$/i;
const isNoWeakDeps = (v: string): boolean => NO_WEAK_DEPS.test(v);
const isNoRecommendsOption = (v: string): boolean => NO_RECOMMENDS_OPTION.test(v);
const isPipNoCacheDir = (a: ShellAssignment): boolean => a.name === 'PIP_NO_CACHE_DIR';
const GROUP_SUBCOMMAND = /^(group|module)/;
const PROD_ONLY = /^prod/;

/**
 * The value of a variable named by an operand (`$buildDeps`): the script's assignment, or a value from elsewhere
 * (ARG/ENV). An object rather than a function, so that the state of a script's package ops is its own resolver.
 */
export interface Resolver {
  resolve(name: string): ShellAssignment | string | undefined;
}

/** What an install command says by itself: everything but where it stands (`Op`). */
type InstallCore = Omit<PackageInstall, keyof Op>;

/**
 * Install cores of commands whose operands name no variable (nearly all): the same whatever the scope, so package
 * ops and the dependency-install classification (`installOf`) read each command line once. Only install commands
 * get an entry.
 */
const coreCache = new ObjectMemo<Recognized, InstallCore>();

// Written out rather than spread: spreading objects of two shapes was the most expensive line of package ops.
export function toInstall(rec: Recognized, command: ShellCommand, seq: number, resolve: Resolver): PackageInstall {
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

const NO_RESOLVE: Resolver = { resolve: () => undefined };

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
  const manifests = eco === 'python' ? values(rec, REQUIREMENTS) : eco === 'conda' ? values(rec, CONDA_FILE) : NO_VALUES;
  const rpmSetopt = values(rec, SETOPT).some(isNoWeakDeps);
  const aptOption = values(rec, APT_OPTION).some(isNoRecommendsOption);
  const pipNoCacheEnv = command.assignments.some(isPipNoCacheDir);
  const omit = values(rec, OMIT);
  return {
    subcommand: rec.subcommand,
    packages: GROUP_SUBCOMMAND.test(rec.subcommand) ? withVersion.map((p) => ({ ...p, kind: 'group' as const })) : withVersion,
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
        has(rec, PRODUCTION) || omit.includes('dev') || PROD_ONLY.test(value(rec, ONLY) ?? '') ||
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

const COMPUTED = /\$\(|`/;
const BLANKS = /\s+/;
const HAS_EXPANSION = /[$`]/;
const STARTS_WITH_EXPANSION = /^[$`]/;

export function packagesOf(rec: Recognized, resolve: Resolver): PackageRef[] {
  const out: PackageRef[] = [];
  for (const w of rec.operands) {
    const m = VAR_WORD.exec(w.value);
    const bound = m ? resolve.resolve(m[1]!) : undefined;
    const text = bound === undefined ? undefined : typeof bound === 'string' ? bound : bound.value;
    // A value computed at build time (`runDeps="$(scanelf …)"`) names packages we cannot know.
    if (m && text !== undefined && !COMPUTED.test(text)) {
      const via = typeof bound === 'string' ? undefined : bound;
      for (const spec of text.split(BLANKS)) if (spec && spec !== '\\') out.push(ref(spec, rec.ecosystem, w, via));
      continue;
    }
    out.push(ref(w.value, rec.ecosystem, w, undefined));
  }
  return out;
}

function ref(spec: string, eco: Ecosystem, word: ShellWord, via: ShellAssignment | undefined): PackageRef {
  const p = parseSpec(spec, eco);
  // `prisma@$VERSION` still names prisma; only a name computed at build time (`gcc-$V`, `pkg-${V}`) is unknown.
  const dynamic = p.kind === 'name' && (HAS_EXPANSION.test(p.name) || STARTS_WITH_EXPANSION.test(p.constraint));
  if (dynamic) return { spec, name: spec, version: undefined, constraint: '', qualifier: undefined, kind: 'variable', word, via };
  return { spec, name: p.name, version: p.version, constraint: p.constraint, qualifier: p.qualifier, kind: p.kind, word, via };
}
