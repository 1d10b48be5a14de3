/**
 * How each package manager is invoked: its command names, subcommands and the options that take a value (so
 * that `-o Dpkg::Options::=…` or `--virtual .build-deps` is not read as a package name). `recognize` turns a
 * shell command into manager + action + options + operands; `packages.ts` interprets the result.
 */
import { ObjectMemo } from './memo';
import { commandName, commandWordIndex, type ShellCommand, type ShellWord } from './shell';
import type { Ecosystem } from './packageSpecs';
import { own } from './ownKey';
import { ScratchList } from './scratchList';

export type PackageManager =
  | 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'tdnf' | 'zypper'
  | 'pip' | 'uv' | 'pipx' | 'poetry' | 'pipenv' | 'conda'
  | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'gem' | 'bundle' | 'cargo' | 'go' | 'composer';

export type Action = 'install' | 'remove' | 'update' | 'upgrade' | 'clean';

interface Spec {
  readonly ecosystem: Ecosystem;
  readonly valueOptions: readonly string[];
  /** Subcommand → action. Multi-word subcommands are written with a space (`cache clean`). */
  readonly actions: Readonly<Record<string, Action>>;
  /** Install subcommands that install what a manifest/lockfile lists. */
  readonly manifest?: readonly string[];
  /** Action when no subcommand is given (`yarn`, `bundle`). */
  readonly bare?: string;
}

const APT_ACTIONS: Record<string, Action> = {
  install: 'install', reinstall: 'install', remove: 'remove', purge: 'remove', autoremove: 'remove', autopurge: 'remove',
  update: 'update', upgrade: 'upgrade', 'dist-upgrade': 'upgrade', 'full-upgrade': 'upgrade',
  clean: 'clean', autoclean: 'clean', distclean: 'clean', 'dist-clean': 'clean',
};
const APT_VALUES = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
const RPM_ACTIONS: Record<string, Action> = {
  install: 'install', localinstall: 'install', groupinstall: 'install', reinstall: 'install', 'group install': 'install',
  'groups install': 'install', 'module install': 'install', remove: 'remove', erase: 'remove', autoremove: 'remove',
  groupremove: 'remove', 'group remove': 'remove', makecache: 'update', 'check-update': 'update', update: 'upgrade',
  upgrade: 'upgrade', 'distro-sync': 'upgrade', 'upgrade-minimal': 'upgrade', 'update-minimal': 'upgrade', clean: 'clean',
};
const RPM_VALUES = ['-c', '--config', '--installroot', '--releasever', '-x', '--exclude', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel', '--forcearch', '--downloaddir', '--destdir'];
const PIP_VALUES = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform', '--python-version', '--implementation',
  '--abi', '--only-binary', '--no-binary', '--trusted-host', '--cache-dir', '--log', '--proxy', '--retries', '--timeout',
  '--progress-bar', '--config-settings', '-C', '--global-option', '--python', '-p', '--index', '--default-index',
];
const NPM_VALUES = ['--prefix', '--registry', '--cache', '--omit', '--include', '-w', '--workspace', '--tag', '--loglevel', '--userconfig', '--location', '--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '-C', '--dir', '--filter', '-F', '--store-dir'];
const CARGO_VALUES = ['--version', '--vers', '--git', '--branch', '--tag', '--rev', '--path', '--root', '--target', '--features', '-F', '-j', '--jobs', '--profile', '--bin', '--example', '--registry', '--index', '--target-dir', '--config', '-Z'];
const GO_VALUES = ['-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-o', '-p', '-pkgdir', '-toolexec', '-overlay', '-buildmode', '-compiler', '-installsuffix', '-C'];
const CONDA_VALUES = ['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--repodata-fn', '-r', '--root-prefix'];

export const SPECS: Readonly<Record<PackageManager, Spec>> = {
  'apt-get': { ecosystem: 'deb', valueOptions: APT_VALUES, actions: APT_ACTIONS },
  apt: { ecosystem: 'deb', valueOptions: APT_VALUES, actions: APT_ACTIONS },
  aptitude: { ecosystem: 'deb', valueOptions: APT_VALUES, actions: { ...APT_ACTIONS, 'safe-upgrade': 'upgrade' } },
  apk: {
    ecosystem: 'apk',
    valueOptions: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--timeout'],
    actions: { add: 'install', del: 'remove', update: 'update', upgrade: 'upgrade', 'cache clean': 'clean', 'cache purge': 'clean' },
  },
  dnf: { ecosystem: 'rpm', valueOptions: RPM_VALUES, actions: RPM_ACTIONS },
  yum: { ecosystem: 'rpm', valueOptions: RPM_VALUES, actions: RPM_ACTIONS },
  microdnf: { ecosystem: 'rpm', valueOptions: RPM_VALUES, actions: RPM_ACTIONS },
  tdnf: { ecosystem: 'rpm', valueOptions: RPM_VALUES, actions: RPM_ACTIONS },
  zypper: {
    ecosystem: 'rpm',
    valueOptions: ['-c', '--config', '-R', '--root', '-r', '--repo', '--from', '-t', '--type', '-D', '--reposd-dir', '-C', '--cache-dir'],
    actions: { install: 'install', in: 'install', remove: 'remove', rm: 'remove', refresh: 'update', ref: 'update', update: 'upgrade', up: 'upgrade', 'dist-upgrade': 'upgrade', dup: 'upgrade', patch: 'upgrade', clean: 'clean', cc: 'clean' },
  },
  pip: { ecosystem: 'python', valueOptions: PIP_VALUES, actions: { install: 'install', uninstall: 'remove', 'cache purge': 'clean', 'cache remove': 'clean' } },
  uv: {
    ecosystem: 'python',
    valueOptions: [
      ...PIP_VALUES, '--requirements', '--group', '--extra', '--package', '--directory', '--project', '--python-preference',
      '--index-strategy', '--resolution', '--prerelease', '--keyring-provider', '--link-mode', '--exclude-newer',
      '--config-file', '--cache-dir', '--only-group', '--no-group', '--with', '--from',
    ],
    actions: { 'pip install': 'install', 'pip sync': 'install', 'pip uninstall': 'remove', add: 'install', sync: 'install', 'tool install': 'install', remove: 'remove', 'tool uninstall': 'remove', 'cache clean': 'clean', 'cache prune': 'clean' },
    manifest: ['pip sync', 'sync'],
  },
  pipx: { ecosystem: 'python', valueOptions: ['--python', '--pip-args', '--index-url', '--suffix'], actions: { install: 'install', uninstall: 'remove' } },
  poetry: { ecosystem: 'python', valueOptions: ['--only', '--with', '--without', '-E', '--extras', '-C', '--directory', '-G', '--group', '--source'], actions: { install: 'install', add: 'install', remove: 'remove' }, manifest: ['install'] },
  pipenv: { ecosystem: 'python', valueOptions: ['--python', '-r', '--requirements', '--categories'], actions: { install: 'install', sync: 'install', uninstall: 'remove' }, manifest: ['install', 'sync'] },
  conda: { ecosystem: 'conda', valueOptions: CONDA_VALUES, actions: { install: 'install', create: 'install', remove: 'remove', uninstall: 'remove', update: 'upgrade', clean: 'clean' } },
  npm: {
    ecosystem: 'node',
    valueOptions: NPM_VALUES,
    actions: { install: 'install', i: 'install', add: 'install', isntall: 'install', ci: 'install', 'clean-install': 'install', uninstall: 'remove', remove: 'remove', rm: 'remove', r: 'remove', un: 'remove', 'cache clean': 'clean' },
    manifest: ['install', 'i', 'add', 'isntall', 'ci', 'clean-install'],
  },
  yarn: { ecosystem: 'node', valueOptions: NPM_VALUES, actions: { install: 'install', add: 'install', remove: 'remove', 'cache clean': 'clean' }, manifest: ['install'], bare: 'install' },
  pnpm: { ecosystem: 'node', valueOptions: NPM_VALUES, actions: { install: 'install', i: 'install', add: 'install', remove: 'remove', rm: 'remove', uninstall: 'remove', un: 'remove', 'store prune': 'clean' }, manifest: ['install', 'i'] },
  bun: { ecosystem: 'node', valueOptions: NPM_VALUES, actions: { install: 'install', i: 'install', add: 'install', a: 'install', remove: 'remove', rm: 'remove', 'pm cache rm': 'clean' }, manifest: ['install', 'i'] },
  gem: { ecosystem: 'ruby', valueOptions: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform'], actions: { install: 'install', i: 'install', uninstall: 'remove' } },
  bundle: { ecosystem: 'ruby', valueOptions: ['--path', '--without', '--with', '--gemfile', '--jobs', '-j', '--retry', '--binstubs'], actions: { install: 'install', add: 'install', remove: 'remove', clean: 'clean' }, manifest: ['install'], bare: 'install' },
  cargo: { ecosystem: 'rust', valueOptions: CARGO_VALUES, actions: { install: 'install', fetch: 'install', uninstall: 'remove' }, manifest: ['fetch'] },
  go: { ecosystem: 'go', valueOptions: GO_VALUES, actions: { install: 'install', get: 'install', 'mod download': 'install', clean: 'clean' }, manifest: ['mod download'] },
  composer: { ecosystem: 'php', valueOptions: ['-d', '--working-dir'], actions: { install: 'install', require: 'install', remove: 'remove', 'clear-cache': 'clean', clearcache: 'clean' }, manifest: ['install'] },
};

/** Per manager, its subcommands of more than one word (`cache clean`, `pm cache rm`). */
const MULTI_WORD: ReadonlyMap<PackageManager, readonly string[]> = new Map(
  (Object.keys(SPECS) as PackageManager[]).map((m) => [m, Object.keys(SPECS[m].actions).filter((a) => a.includes(' '))]),
);

/** `first` (a word, possibly with spaces of its own) begins a multi-word subcommand of `manager`. */
function startsMultiWord(manager: PackageManager, first: string): boolean {
  for (const action of MULTI_WORD.get(manager) ?? []) {
    if (action.length > first.length && action.charCodeAt(first.length) === 32 && action.startsWith(first)) return true;
  }
  return false;
}

export interface Recognized {
  readonly manager: PackageManager;
  readonly ecosystem: Ecosystem;
  readonly action: Action;
  readonly subcommand: string;
  /** Option words (with their values as separate entries when written apart). */
  readonly options: readonly ShellWord[];
  readonly operands: readonly ShellWord[];
  /** The subcommand installs from a manifest (when it has no operands). */
  readonly manifestCapable: boolean;
  /** The words after the manager name (what option lookups should read). */
  readonly args: readonly ShellWord[];
}

// A Map: looking a command's name up in an object literal also found `constructor`, `toString`, … (and made
// recognition throw for `RUN constructor`); a Map holds exactly the names listed.
const COMMAND_NAMES: ReadonlyMap<string, PackageManager> = new Map(Object.entries({
  'apt-get': 'apt-get', apt: 'apt', aptitude: 'aptitude', apk: 'apk', dnf: 'dnf', dnf5: 'dnf', yum: 'yum', microdnf: 'microdnf',
  tdnf: 'tdnf', zypper: 'zypper', uv: 'uv', pipx: 'pipx', poetry: 'poetry', pipenv: 'pipenv', conda: 'conda', mamba: 'conda',
  micromamba: 'conda', npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', bun: 'bun', gem: 'gem', bundle: 'bundle', bundler: 'bundle',
  cargo: 'cargo', go: 'go', composer: 'composer',
} satisfies Record<string, PackageManager>));
const PIP = /^pip[0-9.]*$/;
const PYTHON = /^python[0-9.]*$/;

/**
 * The manager behind a command and the words after its name; `python -m pip …` is pip. Asked for every command
 * of every script (most are not package managers), so a miss costs one name lookup and no copy of the words.
 */
function managerOf(cmd: ShellCommand): { manager: PackageManager; args: readonly ShellWord[] } | undefined {
  const at = commandWordIndex(cmd);
  const name = commandName(cmd);
  if (at < 0 || name === undefined) return undefined;
  const manager = COMMAND_NAMES.get(name);
  if (manager) return { manager, args: cmd.words.slice(at + 1) };
  if (name.charCodeAt(0) !== 112 /* p */) return undefined;
  if (PIP.test(name)) return { manager: 'pip', args: cmd.words.slice(at + 1) };
  if (PYTHON.test(name)) {
    const args = cmd.words.slice(at + 1);
    const m = args.findIndex((w) => w.value === '-m');
    const mod = args[m + 1]?.value;
    if (m >= 0 && (mod === 'pip' || mod === 'uv')) return { manager: mod, args: args.slice(m + 2) };
  }
  return undefined;
}

/**
 * Package-manager commands, recognized once: package ops, cache cleanups, dependency-order and manifest checks
 * each ask about the same commands. Only hits are kept: telling any other command apart is cheap, while an entry
 * is work for every garbage collection (most commands of a script are not package managers).
 */
const cache = new ObjectMemo<ShellCommand, Recognized>();

/** Recognizes a package-manager command; undefined for anything else (including `apt-get --version`). */
export function recognize(cmd: ShellCommand): Recognized | undefined {
  const hit = cache.get(cmd);
  if (hit) return hit;
  const rec = recognizeCommand(cmd);
  if (rec) cache.set(cmd, rec);
  return rec;
}

/**
 * Option and other words of the command being recognized, copied out at their final sizes (lists grown word by
 * word have room for 16 more). Recognition calls nothing that recognizes, so one pair serves every call.
 */
const optionWords = new ScratchList<ShellWord>();
const otherWords = new ScratchList<ShellWord>();

function recognizeCommand(cmd: ShellCommand): Recognized | undefined {
  const found = managerOf(cmd);
  if (!found) return undefined;
  try {
    return recognizeArgs(found.manager, found.args, optionWords, otherWords);
  } finally {
    optionWords.clear();
    otherWords.clear();
  }
}

function recognizeArgs(manager: PackageManager, args: readonly ShellWord[], options: ScratchList<ShellWord>, words: ScratchList<ShellWord>): Recognized | undefined {
  const spec = SPECS[manager];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    // After `--` come arguments for build scripts (`gem install x -- --use-system-libraries`), not packages.
    if (v === '--') break;
    if (v.length > 1 && v.startsWith('-')) {
      options.push(w);
      if (spec.valueOptions.includes(v) && args[i + 1]) options.push(args[++i]!);
      continue;
    }
    words.push(w);
  }
  // Longest subcommand first: `cache clean` before `cache`, `pip install` before `pip`. Most commands start with
  // no word of a multi-word subcommand (`apt-get install` + 40 packages): then only the first word is looked up.
  let subcommand: string | undefined;
  let used = 0;
  const first = words.at(0);
  const longest = first && startsMultiWord(manager, first.value) ? Math.min(3, words.length) : Math.min(1, words.length);
  for (let n = longest; n >= 1 && !subcommand; n--) {
    const candidate = n === 1 ? first!.value : words.copy(0, n).map((w) => w.value).join(' ');
    if (own(spec.actions, candidate)) { subcommand = candidate; used = n; }
  }
  // `yarn global add x`, `dnf -y group install`: a prefix word that changes scope, not the action.
  const second = words.at(1);
  if (!subcommand && first?.value === 'global' && manager === 'yarn' && second && own(spec.actions, second.value)) {
    subcommand = 'global ' + second.value;
    used = 2;
  }
  if (!subcommand && spec.bare && words.length === 0) subcommand = spec.bare;
  if (!subcommand) return undefined;
  const unscoped = subcommand.startsWith('global ') ? subcommand.slice('global '.length) : subcommand;
  return {
    manager,
    ecosystem: spec.ecosystem,
    action: own(spec.actions, unscoped) ?? 'install',
    subcommand,
    options: options.copy(),
    operands: words.copy(used),
    manifestCapable: (spec.manifest ?? []).includes(unscoped),
    args,
  };
}
