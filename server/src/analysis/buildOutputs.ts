/**
 * Where one shell command writes: the outputs the common build and install commands produce, by their
 * conventions — `go build -o`, `mvn package` (→ `target/`), gradle (→ `build/`), `dotnet publish -o`,
 * `cargo build` (→ `target/`), npm/yarn/pnpm install (→ `node_modules`), `pip install --user` (→
 * `$HOME/.local`), pip `--target`/`--prefix`, `python -m venv DIR`, `mkdir`, `cp`/`mv` destinations, archive
 * extraction, downloads, redirections — plus every absolute path the command names (a Makefile run with
 * `PREFIX=/out` may write there).
 *
 * `writesCwd` says the command may create files of any name in its working directory (a build tool, an
 * unknown program); `opaque` that it may write anywhere (a script from the context).
 */
import { runsLocalScript } from './opaqueCommands';
import { joinPath } from './paths';
import { basename, commandArgs, commandName, findOptionIn, shellScriptWord, type ShellCommand, type ShellWord } from './shell';

export type OutputKind =
  | 'mkdir' | 'output' | 'pip-user' | 'pip-target' | 'venv' | 'node-modules' | 'go-build' | 'go-install' | 'maven' | 'gradle'
  | 'dotnet-publish' | 'cargo' | 'download' | 'extract' | 'clone' | 'copy' | 'redirect' | 'mention';

export interface CommandOutput {
  /** Absolute and clean. */
  readonly path: string;
  readonly kind: OutputKind;
  /** Anything may be created under `path` (a directory tree), not only `path` itself. */
  readonly tree: boolean;
}

export interface CommandEffect {
  readonly outputs: readonly CommandOutput[];
  readonly writesCwd: boolean;
  readonly opaque: boolean;
  /** `cd DIR`: the working directory of the commands that follow (null: changed to something unknown). */
  readonly cd?: string | null;
}

export interface EffectContext {
  /** Working directory (absolute); undefined when unknown. */
  readonly cwd: string | undefined;
  /** Value of a word after ARG/ENV expansion; undefined when only known at build time. */
  readonly resolve: (word: ShellWord) => string | undefined;
  /** Environment variable visible to the command (ARG/ENV); undefined when unset or unknown. */
  readonly env: (name: string) => string | undefined;
  /** `$HOME` of the user running the command; undefined when unknown. */
  readonly home: string | undefined;
}

/** Commands that only touch files they name (or none): they never create unnamed files in the working directory. */
const CONFINED = new Set([
  'apt-get', 'apt', 'aptitude', 'apk', 'dnf', 'dnf5', 'yum', 'microdnf', 'tdnf', 'zypper', 'rpm', 'dpkg', 'apt-mark', 'apt-key',
  'rm', 'rmdir', 'chmod', 'chown', 'chgrp', 'ln', 'ls', 'cat', 'echo', 'printf', 'test', '[', 'true', 'false', 'set', 'export', 'unset',
  'exit', 'sed', 'grep', 'find', 'xargs', 'sleep', 'id', 'whoami', 'env', 'which', 'command', 'type', 'update-ca-certificates',
  'ldconfig', 'locale-gen', 'useradd', 'groupadd', 'adduser', 'addgroup', 'usermod', 'groupmod', 'chpasswd', 'passwd', 'mkdir',
  'touch', 'cp', 'mv', 'install', 'tee', 'curl', 'cd', 'pushd', 'popd', 'sha256sum', 'sha512sum', 'md5sum', 'gpg', 'gpgconf',
  'dpkg-reconfigure', 'update-alternatives', 'ln', 'readlink', 'realpath', 'dirname', 'basename', 'head', 'tail', 'sort', 'uniq',
  'cut', 'tr', 'awk', 'wc', 'stat', 'du', 'df', 'file', 'strip', 'setcap', 'getent', 'ulimit', 'umask', 'trap', 'shift', 'read',
  'local', 'declare', 'readonly', 'eval', ':', 'python', 'python3', 'node', 'java', 'ruby', 'perl', 'php', 'pip', 'pip3', 'npm',
  'yarn', 'pnpm', 'go', 'cargo', 'dotnet', 'mvn', 'gradle', 'gem', 'bundle', 'composer', 'uv', 'poetry', 'pipenv', 'conda',
  'corepack', 'git', 'wget', 'tar', 'unzip', 'gunzip', 'gzip', 'xz', 'bzip2', 'make', 'virtualenv', 'rustup',
]);

const MVN = /^(mvn|mvnw|mvn\.cmd)$/;
const GRADLE = /^(gradle|gradlew)$/;

/** Effect of `cmd` (a simple command; a `sh -c` parent is handled through its children). */
export function commandEffect(cmd: ShellCommand, ctx: EffectContext): CommandEffect {
  const name = commandName(cmd);
  const outputs: CommandOutput[] = [];
  let writesCwd = false;
  let opaque = false;
  const at = (value: string | undefined, kind: OutputKind, tree: boolean): void => {
    if (value === undefined) {
      opaque = true;
      return;
    }
    // `ctx.home` may be costly to work out: only a `~` asks for it.
    const v = value.startsWith('~') ? value.replace(/^~(?=\/|$)/, ctx.home ?? '~') : value;
    if (v.startsWith('/')) outputs.push({ path: joinPath('/', v), kind, tree });
    else if (ctx.cwd !== undefined && !v.startsWith('~') && !v.includes('$')) outputs.push({ path: joinPath(ctx.cwd, v), kind, tree });
    else opaque = true;
  };
  for (const r of cmd.redirects) {
    if (r.op.includes('>') && r.target && !/^&|^\/dev\//.test(r.target.value)) at(ctx.resolve(r.target), 'redirect', false);
  }
  // Absolute paths named anywhere in the command, option values and assignments included.
  for (const w of cmd.words) mentions(ctx.resolve(w), outputs);
  for (const a of cmd.assignments) mentions(ctx.resolve(a.word), outputs);
  if (name === undefined) return { outputs, writesCwd, opaque };
  const args = commandArgs(cmd);
  const val = (...aliases: string[]): ShellWord | string | undefined => {
    const hit = findOptionIn(args, aliases, true);
    if (!hit) return undefined;
    return hit.valueWord ?? hit.value;
  };
  const str = (x: ShellWord | string | undefined): string | undefined => (x === undefined ? undefined : typeof x === 'string' ? x : ctx.resolve(x));
  const operands = args.filter((w) => !w.value.startsWith('-'));

  if (name === 'cd' || name === 'pushd') {
    const target = operands[0] ? ctx.resolve(operands[0]) : ctx.home;
    const cd = target === undefined ? null : target.startsWith('/') ? joinPath('/', target) : ctx.cwd !== undefined ? joinPath(ctx.cwd, target) : null;
    return { outputs, writesCwd, opaque, cd };
  }
  if (runsLocalScript(cmd) && !/^(\.\/)?(mvnw|gradlew)$/.test(cmd.words[0]?.value ?? '')) return { outputs, writesCwd: true, opaque: true };
  if (shellScriptWord(cmd) >= 0) return { outputs, writesCwd, opaque };

  const sub = operands[0]?.value;
  if (name === 'mkdir') for (const w of operands) at(ctx.resolve(w), 'mkdir', false);
  else if (name === 'cp' || name === 'mv' || name === 'install' || name === 'ln' || name === 'rsync') {
    const target = val('-t', '--target-directory');
    const dest = target ?? operands[operands.length - 1];
    if (dest && operands.length >= (target ? 1 : 2)) at(str(dest), 'copy', true);
  } else if (name === 'go' && (sub === 'build' || sub === 'install')) {
    const out = str(val('-o'));
    if (sub === 'build') {
      if (out !== undefined) at(out, 'go-build', out.endsWith('/'));
      else if (findOptionIn(args, ['-o'], true)) opaque = true;
      else writesCwd = true;
    } else {
      const gobin = ctx.env('GOBIN') ?? (ctx.env('GOPATH') ?? (ctx.home !== undefined ? `${ctx.home}/go` : undefined))?.concat('/bin');
      at(gobin, 'go-install', true);
    }
  } else if (MVN.test(name)) {
    const pom = str(val('-f', '--file'));
    at(pom !== undefined ? `${pom.replace(/\/?[^/]*\.xml$/, '') || '.'}/target` : 'target', 'maven', true);
    if (ctx.home !== undefined) at(`${ctx.home}/.m2`, 'maven', true);
    writesCwd = true;
  } else if (GRADLE.test(name)) {
    at('build', 'gradle', true);
    writesCwd = true;
  } else if (name === 'cargo' && (sub === 'build' || sub === 'install')) {
    if (sub === 'build') {
      at(str(val('--target-dir')) ?? ctx.env('CARGO_TARGET_DIR') ?? 'target', 'cargo', true);
    } else {
      const root = str(val('--root')) ?? ctx.env('CARGO_INSTALL_ROOT') ?? ctx.env('CARGO_HOME') ?? (ctx.home !== undefined ? `${ctx.home}/.cargo` : undefined);
      at(root, 'cargo', true);
    }
    writesCwd = sub === 'build';
  } else if (name === 'dotnet' && (sub === 'publish' || sub === 'build' || sub === 'pack')) {
    const out = str(val('-o', '--output'));
    if (out !== undefined) at(out, 'dotnet-publish', true);
    writesCwd = true;
  } else if (/^pip[0-9.]*$/.test(name) || (/^python[0-9.]*$/.test(name) && args.some((w) => w.value === 'pip'))) {
    if (args.some((w) => w.value === 'install')) {
      const target = val('-t', '--target', '--prefix', '--root');
      if (target !== undefined) at(str(target), 'pip-target', true);
      else if (findOptionIn(args, ['--user'])) at(ctx.env('PYTHONUSERBASE') ?? (ctx.home !== undefined ? `${ctx.home}/.local` : undefined), 'pip-user', true);
      // `pip install -e .` / `pip install .` build in place.
      if (args.some((w) => /^\.{1,2}(\/|$)/.test(w.value) || w.value === '-e')) writesCwd = true;
    }
  } else if (/^python[0-9.]*$/.test(name) && args.some((w) => w.value === 'venv' || w.value === 'virtualenv')) {
    const i = args.findIndex((w) => w.value === 'venv' || w.value === 'virtualenv');
    const dir = args.slice(i + 1).find((w) => !w.value.startsWith('-'));
    if (dir) at(ctx.resolve(dir), 'venv', true);
  } else if ((name === 'virtualenv' || (name === 'uv' && sub === 'venv'))) {
    const dir = operands[name === 'uv' ? 1 : 0];
    at(dir ? ctx.resolve(dir) : '.venv', 'venv', true);
  } else if ((name === 'npm' || name === 'yarn' || name === 'pnpm' || name === 'bun')) {
    const global = findOptionIn(args, ['-g', '--global']) !== undefined || sub === 'global';
    const prefix = str(val('--prefix', '--cwd', '--dir', '-C'));
    const installs = sub === undefined ? name === 'yarn' : ['install', 'i', 'ci', 'add'].includes(sub);
    if (installs && !global) at(`${prefix ?? '.'}/node_modules`, 'node-modules', true);
    if (!installs || prefix !== undefined) writesCwd = true;
  } else if (name === 'curl') {
    const out = val('-o', '--output');
    if (out !== undefined) at(str(out), 'download', false);
    else if (findOptionIn(args, ['-O', '--remote-name', '--remote-name-all'])) writesCwd = true;
  } else if (name === 'wget') {
    const out = val('-O', '--output-document');
    const dir = val('-P', '--directory-prefix');
    if (out !== undefined) { const o = str(out); if (o !== '-') at(o, 'download', false); }
    else if (dir !== undefined) at(str(dir), 'download', true);
    else writesCwd = true;
  } else if (name === 'tar') {
    const dir = val('-C', '--directory');
    const extracting = args.some((w) => /^-?[A-Za-z]*x/.test(w.value) || w.value === '--extract');
    if (dir !== undefined) at(str(dir), 'extract', true);
    else if (extracting) writesCwd = true;
    const file = val('-f', '--file');
    if (!extracting && file !== undefined) at(str(file), 'output', false);
  } else if (name === 'unzip') {
    const dir = val('-d');
    if (dir !== undefined) at(str(dir), 'extract', true);
    else writesCwd = true;
  } else if (name === 'git' && sub === 'clone') {
    const rest = cloneOperands(args);
    const dest = rest[1];
    if (dest) at(ctx.resolve(dest), 'clone', true);
    else if (rest[0]) at(basename(rest[0].value).replace(/\.git$/, ''), 'clone', true);
  } else if (!CONFINED.has(name)) {
    writesCwd = true;
  } else if (name === 'make' || name === 'go' || name === 'cargo' || name === 'dotnet' || name === 'npm' || name === 'yarn' || name === 'pnpm' || name === 'node' || /^python/.test(name) || name === 'java' || name === 'composer' || name === 'bundle' || name === 'poetry' || name === 'uv' || name === 'pipenv') {
    // Interpreters and build tools run project code: it writes where it likes, usually next to the sources.
    writesCwd = true;
  }
  return { outputs, writesCwd, opaque };
}

/** Absolute paths in a word's value (`/out`, `PREFIX=/opt/app`, `a:/b`), as 'mention' outputs. */
function mentions(value: string | undefined, outputs: CommandOutput[]): void {
  // Most words name no path: skip the regex scan for them.
  if (value === undefined || !value.includes('/')) return;
  for (const m of value.matchAll(/(?:^|[=:,\s])(\/[A-Za-z0-9._@+-][^\s:,;'"=]*)/g)) {
    if (!m[1]!.startsWith('/dev/') && !m[1]!.startsWith('/proc/')) outputs.push({ path: joinPath('/', m[1]!), kind: 'mention', tree: true });
  }
}

const CLONE_VALUES = new Set(['--depth', '-b', '--branch', '--origin', '-o', '--config', '-c', '--reference', '--jobs', '-j', '--filter', '--separate-git-dir', '--template', '-u', '--upload-pack', '--shallow-since', '--shallow-exclude']);

/** `git clone [options] <repo> [<dir>]`: the repository and the directory, option values skipped. */
function cloneOperands(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  const start = args.findIndex((w) => w.value === 'clone');
  for (let i = start + 1; i < args.length; i++) {
    const v = args[i]!.value;
    if (CLONE_VALUES.has(v)) i++;
    else if (!v.startsWith('-')) out.push(args[i]!);
  }
  return out;
}
