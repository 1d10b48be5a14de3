/**
 * Which package caches a command cleans: `rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `pip cache purge`,
 * `rm -rf /root/.cache`, … Size rules ask whether the cache an install fills is gone before the layer is
 * committed. Paths are compared as directories: removing `/root/.cache` cleans pip's `/root/.cache/pip`, while
 * removing `/var/lib/apt/lists/partial` does not clean the lists.
 */
import { recognize, type PackageManager, type Recognized } from './packageManagers';
import { commandArgs, commandName, findOptionIn, type ShellCommand, type ShellWord } from './shell';

export type CacheKind =
  | 'apt-lists' | 'apt-archives' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'uv' | 'npm' | 'yarn' | 'pnpm' | 'bun'
  | 'gem' | 'cargo' | 'go' | 'conda' | 'composer' | 'tmp';

/** Where each cache lives for root, the user RUN executes as unless USER says otherwise. */
const CACHE_DIRS: readonly (readonly [string, CacheKind])[] = [
  ['/var/lib/apt/lists', 'apt-lists'],
  ['/var/cache/apt', 'apt-archives'],
  ['/var/cache/apt/archives', 'apt-archives'],
  ['/var/cache/apk', 'apk'],
  ['/etc/apk/cache', 'apk'],
  ['/var/cache/yum', 'rpm'],
  ['/var/cache/dnf', 'rpm'],
  ['/var/cache/zypp', 'zypper'],
  ['/root/.cache/pip', 'pip'],
  ['/root/.cache/uv', 'uv'],
  ['/root/.npm', 'npm'],
  ['/usr/local/share/.cache/yarn', 'yarn'],
  ['/root/.cache/yarn', 'yarn'],
  ['/root/.yarn/berry/cache', 'yarn'],
  ['/root/.local/share/pnpm/store', 'pnpm'],
  ['/root/.cache/pnpm', 'pnpm'],
  ['/root/.bun/install/cache', 'bun'],
  ['/root/.gem', 'gem'],
  ['/usr/local/bundle/cache', 'gem'],
  ['/usr/local/cargo/registry', 'cargo'],
  ['/root/.cargo/registry', 'cargo'],
  ['/root/.cache/go-build', 'go'],
  ['/go/pkg/mod', 'go'],
  ['/root/go/pkg/mod', 'go'],
  ['/opt/conda/pkgs', 'conda'],
  ['/root/.composer/cache', 'composer'],
  ['/root/.cache/composer', 'composer'],
  ['/tmp', 'tmp'],
];

/**
 * The caches that live at `dir` or below it (`/root/.cache` holds pip's and uv's). `dir` must be an absolute,
 * normalised directory path; a cache mount or an `rm -rf` on it empties them.
 */
export function cacheKindsUnder(dir: string): CacheKind[] {
  return addKindsUnder(dir, undefined) ?? [];
}

/**
 * `kinds` with the caches under `dir` added (`cacheKindsUnder`), the list made at the first: a list begun with its
 * first kind is the size of one, not of seventeen, and an `rm` operand's list is begun here.
 */
function addKindsUnder(dir: string, kinds: CacheKind[] | undefined): CacheKind[] | undefined {
  for (let i = 0; i < CACHE_DIRS.length; i++) {
    const [d, kind] = CACHE_DIRS[i]!;
    if (!isSameOrUnder(d, dir)) continue;
    if (!kinds) kinds = [kind];
    else if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** `path === dir || path.startsWith(dir + '/')`, without building `dir + '/'` (asked for every cache of every `rm` operand). */
function isSameOrUnder(path: string, dir: string): boolean {
  if (path.length === dir.length) return path === dir;
  return path.length > dir.length && path.charCodeAt(dir.length) === 47 /* / */ && path.startsWith(dir);
}

// Shared, never changed: a manager's clean command is recognized in many scripts.
const APT_ARCHIVES: readonly CacheKind[] = ['apt-archives'];
const APT_ALL: readonly CacheKind[] = ['apt-archives', 'apt-lists'];
const RPM: readonly CacheKind[] = ['rpm'];
const GO: readonly CacheKind[] = ['go'];
/** The caches the clean command of a manager empties, whatever its options (apt and go depend on them). */
const CLEAN_KINDS: { readonly [M in PackageManager]?: readonly CacheKind[] } = {
  apk: ['apk'], dnf: RPM, yum: RPM, microdnf: RPM, tdnf: RPM, zypper: ['zypper'], pip: ['pip'], uv: ['uv'], npm: ['npm'],
  yarn: ['yarn'], pnpm: ['pnpm'], bun: ['bun'], conda: ['conda'], composer: ['composer'], bundle: ['gem'],
};
const NONE: readonly CacheKind[] = [];
const GO_CACHES = ['-modcache', '-cache'];
// Regular expressions as constants: a literal in a function is a new object per call (per `rm` operand here).
const HOME = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/;
const SLASHES = /\/+/g;
const BRACE_LIST = /^(.*?)\{([^{}]*,[^{}]*)\}(.*)$/s;

/** Caches a manager's own clean command empties. */
function managerCleanKinds(rec: Recognized | undefined): readonly CacheKind[] {
  if (!rec || rec.action !== 'clean') return NONE;
  switch (rec.manager) {
    case 'apt-get': case 'apt': case 'aptitude':
      return /dist-?clean/.test(rec.subcommand) ? APT_ALL : APT_ARCHIVES;
    case 'go': return findOptionIn(rec.args, GO_CACHES) ? GO : NONE;
    default: return CLEAN_KINDS[rec.manager] ?? NONE;
  }
}

/** `~/x`, `$HOME/x`, `/x/` and `/x/*` normalised to a directory path. */
function normalizePath(raw: string): string {
  // Each replacement only where it can apply: a replace makes a new string even when it changes nothing.
  let p = raw.charCodeAt(0) === 126 /* ~ */ || raw.charCodeAt(0) === 36 /* $ */ ? raw.replace(HOME, '/root') : raw;
  if (p.includes('//')) p = p.replace(SLASHES, '/');
  const last = p.lastIndexOf('/');
  if (last >= 0 && hasGlob(p, last + 1)) p = p.slice(0, last); // `dir/*`, `dir/*.deb`: the directory
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** `*`, `?` or `[` in `p` from `from` on (what a test of the slice from there says, without the slice). */
function hasGlob(p: string, from: number): boolean {
  for (let i = from; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */ || c === 91 /* [ */) return true;
  }
  return false;
}

export interface CacheCleanupKinds {
  readonly kinds: readonly CacheKind[];
  readonly word: ShellWord | undefined;
}

/** Most commands clean no cache: one shared answer. */
const NO_CLEANUPS: readonly CacheCleanupKinds[] = [];

export function cleanupKinds(cmd: ShellCommand): readonly CacheCleanupKinds[] {
  return cleanupKindsOf(cmd, recognize(cmd));
}

/** `cleanupKinds` for a command already recognized (`rec` is `recognize(cmd)`): package ops ask both of every command. */
export function cleanupKindsOf(cmd: ShellCommand, rec: Recognized | undefined): readonly CacheCleanupKinds[] {
  const managed = managerCleanKinds(rec);
  if (managed.length) return [{ kinds: managed, word: undefined }];
  if (commandName(cmd) !== 'rm') return NO_CLEANUPS;
  const out: CacheCleanupKinds[] = [];
  let operands = false;
  for (const w of commandArgs(cmd)) {
    if (!operands && w.value === '--') { operands = true; continue; }
    if (!operands && w.value.startsWith('-')) continue;
    let kinds: CacheKind[] | undefined;
    // Most operands hold no brace list: no list of one alternative for them.
    if (w.quoted || !w.value.includes('{')) kinds = addKindsAt(w.value, kinds);
    else for (const alternative of braceExpand(w.value)) kinds = addKindsAt(alternative, kinds);
    if (kinds) out.push({ kinds, word: w });
  }
  return out;
}

/** `kinds` with the caches under the path `operand` removes added (made at the first). */
function addKindsAt(operand: string, kinds: CacheKind[] | undefined): CacheKind[] | undefined {
  const path = normalizePath(operand);
  return path.length > 1 && path.startsWith('/') ? addKindsUnder(path, kinds) : kinds;
}

/** Shell brace expansion of comma lists (`/var/lib/{apt,dpkg}/` → two paths); other words stay as they are. */
export function braceExpand(word: string): string[] {
  const m = BRACE_LIST.exec(word);
  if (!m) return [word];
  return m[2]!.split(',').flatMap((part) => braceExpand(m[1]! + part + m[3]!));
}
