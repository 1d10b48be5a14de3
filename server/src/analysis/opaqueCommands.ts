/**
 * Commands whose effects cannot be read from the Dockerfile: they run a script or program that came with the
 * build context or was downloaded (`./install.sh`, `bash setup.sh`, `. /tmp/env`, `/opt/app/configure`).
 * Such a script may create users, write files anywhere or install packages, so model queries that depend on
 * "nothing else did X" answer 'unknown' after one.
 */
import { commandArgs, commandName, commandWordIndex, isShellName, shellScriptWord, type ShellCommand } from './shell';

/** Directories whose programs come from packages (their behaviour is not the Dockerfile author's). */
const SYSTEM_DIRS = /^\/(usr\/(local\/)?)?s?bin\//;
const EXPANSION_START = /^[$`]/;

/** True when `cmd` runs a script or program whose content the Dockerfile does not show. */
export function runsLocalScript(cmd: ShellCommand): boolean {
  const i = commandWordIndex(cmd);
  if (i < 0) return false;
  const word = cmd.words[i]!.value;
  const name = commandName(cmd);
  if (name === '.' || name === 'source') return true;
  if (word.includes('/') && !SYSTEM_DIRS.test(word)) return true;
  // `$SCRIPT`, `$(…)`: a program named at build time.
  if (EXPANSION_START.test(word)) return true;
  if (isShellName(name) && shellScriptWord(cmd) < 0) {
    // `bash setup.sh`: a shell reading a file (not `sh -c '…'`, whose string is parsed as commands).
    return commandArgs(cmd).some((w) => !w.value.startsWith('-') && !w.value.startsWith('+'));
  }
  return false;
}
