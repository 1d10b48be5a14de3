/**
 * Users of an image: which accounts each stage creates (`useradd`, `adduser`, `groupadd`, `addgroup`), who
 * the instructions run as (`USER`, inherited through `FROM <stage>`, else the base image's default), whether
 * a user exists at a point of the build, and where its home is.
 *
 * Answers are three-valued. A user is 'unknown' rather than missing when anything could have created it
 * without the Dockerfile saying so: a script from the context, a write to /etc/passwd, a COPY of /etc, a
 * package that creates its service account (`postgresql` → `postgres`), an account name computed at build
 * time, or a base image whose passwd is not curated.
 */
import { accountCommandsOf, type AccountCommand } from './accountCommands';
import { imageHasUser, type Tri } from './baseImages';
import { copyParts } from './copySources';
import { envAt } from './envAt';
import { baseFactsOf, findLastInChain, stageChain } from './finalImage';
import { packageOpsOf } from './instrPackages';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage } from './model';
import { runsLocalScript } from './opaqueCommands';
import { joinPath, workdirAt } from './paths';
import { runScriptsOf, shellScriptsOf } from './runScript';
import type { ShellWord } from './shell';
import { argumentText, wordValue } from './wordValue';
import { own } from './ownKey';

export interface AccountEvent {
  readonly instr: Instr;
  /** A parsed account command, or why accounts may have changed in ways the file does not show. */
  readonly account?: AccountCommand;
  readonly uncertain?: string;
  /** Packages installed by this instruction (system package managers), which may add service accounts. */
  readonly packages?: readonly string[];
}

const eventCache = new ObjectMemo<Instr, readonly AccountEvent[]>();

/** The account-related effects of one instruction. */
export function accountEventsOf(model: DockerfileModel, instr: Instr): readonly AccountEvent[] {
  const hit = eventCache.get(instr);
  if (hit) return hit;
  const events = computeEvents(model, instr);
  eventCache.set(instr, events);
  return events;
}

/**
 * The account events of a stage's own instructions, in order (ONBUILD triggers excluded). `userExists` and
 * `homeOf` are asked for every RUN and COPY and walk the whole FROM chain: reading the few events of each
 * stage instead of every instruction of the chain keeps a long chain of stages from costing n² per lint.
 */
function stageAccountEvents(model: DockerfileModel, stage: Stage): readonly AccountEvent[] {
  let events = stageEventCache.get(stage);
  if (!events) {
    const all: AccountEvent[] = [];
    for (const instr of stage.instructions) if (instr.keyword !== 'ONBUILD') all.push(...accountEventsOf(model, instr));
    events = all;
    stageEventCache.set(stage, events);
  }
  return events;
}

const stageEventCache = new ObjectMemo<Stage, readonly AccountEvent[]>();

/** `$VAR` words resolved through the instruction's ARG/ENV scope. */
export function wordResolver(model: DockerfileModel, instr: Instr): (w: ShellWord) => string | undefined {
  return (w) => {
    if (!w.expansion) return w.value;
    if (/\$\(|`/.test(w.value)) return undefined;
    const r = model.expand(w.value, instr);
    return r.unresolved.length === 0 && !r.value.includes('$') ? r.value : undefined;
  };
}

function computeEvents(model: DockerfileModel, instr: Instr): AccountEvent[] {
  const out: AccountEvent[] = [];
  if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
    const parts = copyParts(model, instr);
    const dest = parts?.dest ? wordValue(model, parts.dest.value, instr) : undefined;
    const dir = workdirAt(model, instr);
    const target = dest?.known ? (dest.value.startsWith('/') ? joinPath('/', dest.value) : dir ? joinPath(dir, dest.value) : undefined) : undefined;
    if (target === undefined || target === '/' || target === '/etc' || target.startsWith('/etc/passwd') || target.startsWith('/etc/group')) {
      out.push({ instr, uncertain: 'copies files over /etc' });
    }
    return out;
  }
  if (instr.keyword !== 'RUN') return out;
  const resolve = wordResolver(model, instr);
  for (const script of shellScriptsOf(model, instr)) {
    for (const cmd of script.script.commands) {
      for (const account of accountCommandsOf(cmd, resolve)) out.push({ instr, account });
      if (runsLocalScript(cmd)) out.push({ instr, uncertain: 'runs a script' });
      const touchesPasswd = cmd.words.some((w) => /\/etc\/(passwd|group|shadow)\b/.test(w.value)) ||
        cmd.redirects.some((r) => /\/etc\/(passwd|group)\b/.test(r.target?.value ?? ''));
      if (touchesPasswd && !['grep', 'cat', 'getent', 'cut', 'awk', 'head', 'tail'].includes(cmd.words[0]?.value ?? '')) {
        out.push({ instr, uncertain: 'edits /etc/passwd' });
      }
    }
  }
  if (runScriptsOf(model, instr).some((r) => r.language === 'other')) out.push({ instr, uncertain: 'runs a non-shell script' });
  const ops = packageOpsOf(model, instr);
  const names: string[] = [];
  for (const install of ops.installs) {
    if (install.ecosystem !== 'deb' && install.ecosystem !== 'apk' && install.ecosystem !== 'rpm') continue;
    for (const pkg of install.packages) {
      if (pkg.kind === 'name' || pkg.kind === 'group') names.push(pkg.name.toLowerCase());
      else out.push({ instr, uncertain: 'installs packages named at build time' });
    }
    if (install.fromManifest) out.push({ instr, uncertain: 'installs packages from a file' });
  }
  if (names.length) out.push({ instr, packages: names });
  return out;
}

/** Service accounts that packages create under a name that is not part of the package name. */
const PACKAGE_ACCOUNTS: Readonly<Record<string, readonly string[]>> = {
  messagebus: ['dbus'], sshd: ['openssh-server', 'openssh'], polkitd: ['polkit', 'policykit-1'], _chrony: ['chrony'],
  'www-data': ['apache2', 'nginx', 'php'], apache: ['httpd'], mysql: ['mariadb-server', 'mariadb'], memcache: ['memcached'],
  debian_tor: ['tor'], systemd: ['systemd'], ntp: ['ntp', 'ntpsec'], postfix: ['postfix'], redis: ['redis-server', 'redis'],
};

/** Could installing `pkg` have created the account `user`? (`postgresql-15` → `postgres`, `redis-server` → `redis`.) */
export function packageMayCreate(pkg: string, user: string): boolean {
  const u = user.toLowerCase();
  if (own(PACKAGE_ACCOUNTS, u)?.some((p) => pkg === p || pkg.startsWith(p + '-'))) return true;
  if (u.length < 3) return false;
  const stem = pkg.replace(/[-_.]?\d[\w.]*$/, '');
  return pkg.includes(u) || (stem.length >= 3 && u.includes(stem));
}

export interface UserExistence {
  readonly exists: Tri;
  /** The command that created the user, when the Dockerfile does. */
  readonly created: { readonly account: AccountCommand; readonly instr: Instr } | undefined;
}

/**
 * Does `name` exist in `stage`'s image before `at` (at the end of the stage without `at`)? Numeric ids
 * always work; names must be created in the chain or shipped by the base image.
 */
export function userExists(model: DockerfileModel, stage: Stage, name: string, at?: Instr): UserExistence {
  if (/^\d+$/.test(name)) return { exists: 'yes', created: undefined };
  if (name === '' || name.includes('$')) return { exists: 'unknown', created: undefined };
  let uncertain = false;
  let created: UserExistence['created'];
  const chain = stageChain(stage);
  for (let k = chain.length - 1; k >= 0; k--) {
    const s = chain[k]!;
    for (const e of stageAccountEvents(model, s)) {
      if (at && s === stage && e.instr.index >= at.index) break;
      if (e.account?.kind === 'user') {
        if (e.account.name === name) created = { account: e.account, instr: e.instr };
        else if (e.account.name === undefined) uncertain = true;
      }
      if (e.uncertain) uncertain = true;
      if (e.packages?.some((p) => packageMayCreate(p, name))) uncertain = true;
    }
  }
  if (created) return { exists: 'yes', created };
  const base = imageHasUser(baseFactsOf(model, stage), name);
  if (base === 'yes') return { exists: 'yes', created: undefined };
  return { exists: uncertain ? 'unknown' : base, created: undefined };
}

export interface EffectiveUser {
  /** The user name or uid; undefined when unknown (variables, an uncurated base image). */
  readonly user: string | undefined;
  readonly group: string | undefined;
  /** The USER value as written (`$APP_UID`, `app:app`); undefined for the base image's default. */
  readonly written: string | undefined;
  /** The USER instruction in force; undefined when the base image's default applies. */
  readonly instr: Instr | undefined;
}

/** Who runs `at` (or, without `at`, the container started from `stage`'s image). */
export function effectiveUser(model: DockerfileModel, stage: Stage, at?: Instr): EffectiveUser {
  const instr = findLastInChain(stage, at, (i) => i.keyword === 'USER');
  if (instr) {
    const written = argumentText(model, instr).trim();
    const value = wordValue(model, written, instr);
    if (!value.known || value.value === '') return { user: undefined, group: undefined, written, instr };
    const [user, group] = value.value.split(':');
    return { user, group, written, instr };
  }
  const facts = baseFactsOf(model, stage);
  return { user: facts.known ? facts.defaultUser : undefined, group: undefined, written: undefined, instr: undefined };
}

/** 'yes' for root (`root`, `0`), 'no' for any other known user, 'unknown' otherwise. */
export function isRoot(user: string | undefined): Tri {
  if (user === undefined || user === '' || user.includes('$')) return 'unknown';
  return user === 'root' || /^0+$/.test(user) ? 'yes' : 'no';
}

/** Homes of users that curated base images ship. */
const BASE_HOMES: Readonly<Record<string, string>> = {
  node: '/home/node', nonroot: '/home/nonroot', app: '/home/app', ubuntu: '/home/ubuntu',
};

/**
 * `$HOME` of `user` in `stage`'s image before `at`: an `ENV HOME` in the chain wins (it applies to every
 * user), then the home of the account that created it, `/root` for root, and the homes of users the base
 * image ships. Undefined when unknown.
 */
export function homeOf(model: DockerfileModel, stage: Stage, user: string, at?: Instr): string | undefined {
  const env = envAt(model, stage, 'HOME', at, true);
  if (env) return env.value?.startsWith('/') ? env.value : undefined;
  if (isRoot(user) === 'yes') return '/root';
  // The last account command for `user` in the chain sets the home.
  for (const s of stageChain(stage)) {
    const events = stageAccountEvents(model, s);
    for (let k = events.length - 1; k >= 0; k--) {
      const e = events[k]!;
      if (at && s === stage && e.instr.index >= at.index) continue;
      const a = e.account;
      if (a?.kind !== 'user' || a.membership) continue;
      if (a.name === user || (a.id !== undefined && a.id === user)) return a.home;
    }
  }
  const facts = baseFactsOf(model, stage);
  if (facts.known && facts.users.includes(user)) return own(BASE_HOMES, user);
  return undefined;
}
