/**
 * What a RUN does, as far as splitting a stage is concerned: only system package operations, only user and
 * directory setup (which the runtime stage needs too), or anything else (a build step that stays in the
 * builder).
 */
import type { DockerfileModel, Instr } from '../../analysis/model';
import { cleanupKinds } from '../../analysis/packageCaches';
import { recognize } from '../../analysis/packageManagers';
import { runScriptsOf, shellScriptsOf } from '../../analysis/runScript';
import { commandArgs, commandName, type ShellCommand } from '../../analysis/shell';

export type RunKind = 'packages' | 'user' | 'setup' | 'other';

const NEUTRAL = new Set(['set', 'export', 'true', ':']);
const USER_COMMANDS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod']);
const SETUP_COMMANDS = new Set(['mkdir', 'chmod', 'chown', 'chgrp', 'ln', 'touch']);
const SYSTEM_ECOSYSTEMS = new Set(['deb', 'apk', 'rpm']);

/** The commands of a RUN run by a POSIX shell; undefined when part of it is not shell (heredoc for python, …). */
export function runCommands(model: DockerfileModel, instr: Instr): readonly ShellCommand[] | undefined {
  const scripts = shellScriptsOf(model, instr);
  if (scripts.length === 0 || runScriptsCount(model, instr) !== scripts.length) return undefined;
  return scripts.flatMap((s) => s.script.commands);
}

function runScriptsCount(model: DockerfileModel, instr: Instr): number {
  return runScriptsOf(model, instr).length;
}

export function isPackageCommand(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  if (name === undefined) return true; // `DEBIAN_FRONTEND=noninteractive` alone
  if (NEUTRAL.has(name) || name === 'apt-mark') return true;
  if (cleanupKinds(cmd).length > 0) return true;
  const rec = recognize(cmd);
  return rec !== undefined && SYSTEM_ECOSYSTEMS.has(rec.ecosystem);
}

export function isUserCommand(cmd: ShellCommand): boolean {
  return USER_COMMANDS.has(commandName(cmd) ?? '');
}

/** Operands of a setup command that name paths (`chmod 755 /x` → `/x`, `chown app:app /x` → `/x`). */
export function setupPaths(cmd: ShellCommand): string[] | undefined {
  const name = commandName(cmd);
  if (!name || !SETUP_COMMANDS.has(name)) return undefined;
  const operands = commandArgs(cmd).filter((w) => !w.value.startsWith('-'));
  if (operands.some((w) => w.expansion)) return undefined;
  const values = operands.map((w) => w.value);
  return name === 'chmod' || name === 'chown' || name === 'chgrp' ? values.slice(1) : values;
}

/** Whether `path` (absolute, normalised) lies inside `dir`. */
export function within(path: string, dir: string): boolean {
  const d = dir.endsWith('/') ? dir : `${dir}/`;
  return path === dir || path.startsWith(d) || dir === '/';
}

/**
 * Kind of a RUN. `tree` is the directory the build works in: setup of paths inside it (or relative paths)
 * belongs to the build, not to the runtime image.
 */
export function runKind(model: DockerfileModel, instr: Instr, tree: string | undefined): RunKind {
  if (instr.flags.length > 0) return 'other'; // --mount/--network: a build-time step
  const commands = runCommands(model, instr);
  if (!commands || commands.length === 0) return 'other';
  if (commands.some((c) => c.parent !== undefined || c.inSubshell || c.background || c.contexts.length > 0)) {
    return commands.every((c) => isPackageCommand(c)) ? 'packages' : 'other';
  }
  if (commands.every(isPackageCommand)) return 'packages';
  let users = 0;
  for (const cmd of commands) {
    const name = commandName(cmd);
    if (name === undefined || NEUTRAL.has(name)) continue;
    if (isUserCommand(cmd)) {
      users++;
      continue;
    }
    const paths = setupPaths(cmd);
    if (!paths || paths.length === 0) return 'other';
    for (const p of paths) {
      if (!p.startsWith('/') || p.includes('*')) return 'other';
      if (tree !== undefined && (within(p, tree) || within(tree, p))) return 'other';
    }
  }
  return users > 0 ? 'user' : 'setup';
}
