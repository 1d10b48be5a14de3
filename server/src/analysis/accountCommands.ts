/**
 * Account management commands in shell scripts: `useradd`, `groupadd` (shadow-utils), Debian's `adduser` /
 * `addgroup` (Perl, long options) and BusyBox's `adduser` / `addgroup` (Alpine, short options). Each command
 * yields what it leaves behind — a user with its uid, primary group and home, a group, or a membership — so
 * the model can answer "does user 'app' exist here, and where is its home?".
 *
 * Homes follow each tool's defaults: `useradd` → `/home/<name>` (also for `-r`, which only skips creating
 * it), BusyBox `adduser` → `/home/<name>`, Debian `adduser` → `/home/<name>`, except `--system` users whose
 * default home changed between releases (`/home/<name>`, later `/nonexistent`): unknown.
 */
import { commandArgs, commandName, type ShellCommand, type ShellWord } from './shell';

export interface AccountCommand {
  readonly kind: 'user' | 'group';
  /** The account name; undefined when it is computed at build time (`$USERNAME` the caller cannot resolve). */
  readonly name: string | undefined;
  readonly nameWord: ShellWord;
  /** Numeric id when given (`-u 1000`, `--gid 1000`). */
  readonly id: string | undefined;
  /** For users: the primary group (name or number) when the command says or implies it. */
  readonly group: string | undefined;
  /** For users: home directory; undefined when the tool's default is not certain. */
  readonly home: string | undefined;
  readonly system: boolean;
  /** `adduser USER GROUP`, `addgroup USER GROUP`: the user must exist already (or is created by BusyBox). */
  readonly membership: boolean;
  readonly command: ShellCommand;
  readonly tool: 'useradd' | 'groupadd' | 'adduser' | 'addgroup';
}

type Resolve = (word: ShellWord) => string | undefined;

interface Parsed {
  readonly operands: ShellWord[];
  readonly values: Map<string, string | undefined>;
  readonly flags: Set<string>;
}

/**
 * Splits arguments into operands, options with values and flags. `valued` lists options that take a value;
 * `--opt=value` and attached short values (`-u1000`) are understood.
 */
function parseArgs(args: readonly ShellWord[], valued: ReadonlySet<string>, resolve: Resolve): Parsed {
  const operands: ShellWord[] = [];
  const values = new Map<string, string | undefined>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) values.set(v.slice(0, eq), v.slice(eq + 1));
      else if (valued.has(v)) values.set(v, args[++i] ? resolve(args[i]!) : undefined);
      else flags.add(v);
      continue;
    }
    if (v.length > 1 && v.startsWith('-')) {
      const opt = v.slice(0, 2);
      if (valued.has(opt)) values.set(opt, v.length > 2 ? v.slice(2) : args[++i] ? resolve(args[i]!) : undefined);
      else for (const letter of v.slice(1)) flags.add('-' + letter);
      continue;
    }
    operands.push(w);
  }
  return { operands, values, flags };
}

const USERADD_VALUED = new Set([
  '-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '--home', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid',
  '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user',
  '-R', '--root', '-P', '--prefix',
]);
const GROUPADD_VALUED = new Set(['-g', '--gid', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-U', '--users']);
/** Debian adduser/addgroup options that take a value. */
const DEBIAN_VALUED = new Set([
  '--home', '--shell', '--uid', '--firstuid', '--lastuid', '--gecos', '--comment', '--ingroup', '--gid', '--conf', '--firstgid',
  '--lastgid', '--extrausers', '-c',
]);
/** BusyBox adduser/addgroup options that take a value. */
const BUSYBOX_VALUED = new Set(['-h', '-g', '-s', '-G', '-u', '-k']);

function value(p: Parsed, ...names: string[]): string | undefined {
  for (const n of names) if (p.values.has(n)) return p.values.get(n);
  return undefined;
}

function has(p: Parsed, ...names: string[]): boolean {
  return names.some((n) => p.flags.has(n));
}

/** Numeric ids only (`-u 1000`); a value such as `$UID` stays undefined. */
function numeric(v: string | undefined): string | undefined {
  return v !== undefined && /^\d+$/.test(v) ? v : undefined;
}

/** The account commands of one shell command; empty for anything else. `resolve` expands `$VAR` words. */
export function accountCommandsOf(cmd: ShellCommand, resolve: Resolve): AccountCommand[] {
  const tool = commandName(cmd);
  const args = commandArgs(cmd);
  switch (tool) {
    case 'useradd':
      return useradd(cmd, args, resolve);
    case 'groupadd': {
      const p = parseArgs(args, GROUPADD_VALUED, resolve);
      const word = p.operands[0];
      if (!word) return [];
      return [{ kind: 'group', name: resolve(word), nameWord: word, id: numeric(value(p, '-g', '--gid')), group: undefined, home: undefined,
        system: has(p, '-r', '--system'), membership: false, command: cmd, tool: 'groupadd' }];
    }
    case 'adduser':
      return adduser(cmd, args, resolve);
    case 'addgroup':
      return addgroup(cmd, args, resolve);
    default:
      return [];
  }
}

function useradd(cmd: ShellCommand, args: readonly ShellWord[], resolve: Resolve): AccountCommand[] {
  const p = parseArgs(args, USERADD_VALUED, resolve);
  const word = p.operands[0];
  // `useradd -D` prints or changes defaults: no account.
  if (!word || has(p, '-D', '--defaults')) return [];
  const name = resolve(word);
  const base = value(p, '-b', '--base-dir') ?? '/home';
  const home = value(p, '-d', '--home-dir', '--home') ?? (name !== undefined ? `${base}/${name}` : undefined);
  // Without -g, useradd creates a group named after the user (USERGROUPS_ENAB) unless -N says not to.
  const group = value(p, '-g', '--gid') ?? (has(p, '-N', '--no-user-group') ? undefined : name);
  return [{ kind: 'user', name, nameWord: word, id: numeric(value(p, '-u', '--uid')), group, home: home?.includes('$') ? undefined : home,
    system: has(p, '-r', '--system'), membership: false, command: cmd, tool: 'useradd' }];
}

/** Debian's adduser uses long options; BusyBox's only short ones (`-S`, `-D`, `-h`, `-G`, `-u`). */
function isDebianSyntax(args: readonly ShellWord[]): boolean {
  return args.some((w) => w.value.startsWith('--') && w.value !== '--');
}

function adduser(cmd: ShellCommand, args: readonly ShellWord[], resolve: Resolve): AccountCommand[] {
  if (isDebianSyntax(args)) {
    const p = parseArgs(args, DEBIAN_VALUED, resolve);
    const word = p.operands[0];
    if (!word) return [];
    const name = resolve(word);
    const system = has(p, '--system');
    if (has(p, '--group') && !system) {
      return [{ kind: 'group', name, nameWord: word, id: numeric(value(p, '--gid')), group: undefined, home: undefined, system, membership: false, command: cmd, tool: 'adduser' }];
    }
    const membership = p.operands.length >= 2;
    const explicitHome = value(p, '--home');
    const home = explicitHome ?? (system || name === undefined ? undefined : `/home/${name}`);
    const group = value(p, '--ingroup', '--gid') ?? (has(p, '--group') ? name : system ? undefined : name);
    const out: AccountCommand[] = [{ kind: 'user', name, nameWord: word, id: numeric(value(p, '--uid')), group, home: home?.includes('$') ? undefined : home,
      system, membership, command: cmd, tool: 'adduser' }];
    if (system && has(p, '--group')) out.push({ ...out[0]!, kind: 'group', id: numeric(value(p, '--gid')), group: undefined, home: undefined });
    return out;
  }
  const p = parseArgs(args, BUSYBOX_VALUED, resolve);
  const word = p.operands[0];
  if (!word) return [];
  const name = resolve(word);
  const home = value(p, '-h') ?? (name !== undefined ? `/home/${name}` : undefined);
  // BusyBox: `-G GRP` is the primary group; system users without -G get `nogroup`, others a group of their name.
  const group = value(p, '-G') ?? p.operands[1]?.value ?? (has(p, '-S') ? 'nogroup' : name);
  return [{ kind: 'user', name, nameWord: word, id: numeric(value(p, '-u')), group, home: home?.includes('$') ? undefined : home,
    system: has(p, '-S'), membership: p.operands.length >= 2, command: cmd, tool: 'adduser' }];
}

function addgroup(cmd: ShellCommand, args: readonly ShellWord[], resolve: Resolve): AccountCommand[] {
  const debian = isDebianSyntax(args);
  const p = parseArgs(args, debian ? DEBIAN_VALUED : BUSYBOX_VALUED, resolve);
  const first = p.operands[0];
  if (!first) return [];
  if (p.operands.length >= 2) {
    // `addgroup USER GROUP`: adds an existing user to an existing group.
    return [{ kind: 'user', name: resolve(first), nameWord: first, id: undefined, group: undefined, home: undefined, system: false,
      membership: true, command: cmd, tool: 'addgroup' }];
  }
  return [{ kind: 'group', name: resolve(first), nameWord: first, id: numeric(value(p, '-g', '--gid')), group: undefined, home: undefined,
    system: has(p, '-S', '--system'), membership: false, command: cmd, tool: 'addgroup' }];
}
