/**
 * Queries over parsed shell commands: the effective command name behind wrappers (`sudo`, `env X=1`, `exec`,
 * …), option lookup that understands `-y`, `--yes`, `--opt=value` and combined short flags (`-qy`), and the
 * shell options a script turns on with `set`. Everything here reads `ShellCommand`s only.
 */
import type { ShellCommand, ShellScript, ShellWord } from './shellTypes';
import { own } from './ownKey';
import { ParsedCommand } from './shellCommand';

interface Wrapper {
  /** Options of the wrapper that take the next word as their value. */
  readonly valueOptions: readonly string[];
  /** Operands the wrapper takes before the command (`timeout 10 cmd`, `gosu user cmd`). */
  readonly operands: number;
  /** `env` accepts `NAME=value` words before the command. */
  readonly assignments?: boolean;
}

/**
 * Commands that run another command given as their arguments. Only wrappers whose syntax is fixed enough to
 * find the inner command reliably are listed.
 */
const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  sudo: { valueOptions: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt', '--close-from', '--chdir', '--role', '--type', '--other-user', '--command-timeout'], operands: 0 },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], operands: 0, assignments: true },
  exec: { valueOptions: ['-a'], operands: 0 },
  nohup: { valueOptions: [], operands: 0 },
  time: { valueOptions: ['-f', '--format', '-o', '--output'], operands: 0 },
  nice: { valueOptions: ['-n', '--adjustment'], operands: 0 },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  stdbuf: { valueOptions: ['-i', '-o', '-e'], operands: 0 },
  gosu: { valueOptions: [], operands: 1 },
  'su-exec': { valueOptions: [], operands: 1 },
  chroot: { valueOptions: ['--userspec', '--groups'], operands: 1 },
  tini: { valueOptions: ['-p', '-e'], operands: 0 },
  'dumb-init': { valueOptions: ['--rewrite'], operands: 0 },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function basename(path: string): string {
  const k = path.lastIndexOf('/');
  return k < 0 ? path : path.slice(k + 1);
}

/**
 * Index in `cmd.words` of the command that actually runs (after wrappers); -1 for a bare assignment. Worked out
 * once per parsed command: nearly every shell query starts here.
 */
export function commandWordIndex(cmd: ShellCommand): number {
  return ParsedCommand.wordIndex(cmd, findCommandWord);
}

function findCommandWord(cmd: ShellCommand): number {
  const words = cmd.words;
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const wrapper = own(WRAPPERS, basename(words[i]!.value));
    if (!wrapper) return i;
    let j = i + 1;
    while (j < words.length) {
      const v = words[j]!.value;
      if (v === '--') { j++; break; }
      if (v.length > 1 && v.startsWith('-')) j += wrapper.valueOptions.includes(v) ? 2 : 1;
      else if (wrapper.assignments && ASSIGNMENT.test(v)) j++;
      else break;
    }
    j += wrapper.operands;
    if (j >= words.length) return i; // the wrapper runs nothing else (`env` alone prints the environment)
    i = j;
  }
  return i < words.length ? i : -1;
}

/** The command's name without its directory (`/usr/bin/apt-get` → `apt-get`), after wrappers. */
export function commandName(cmd: ShellCommand): string | undefined {
  return ParsedCommand.commandName(cmd, nameOf);
}

function nameOf(cmd: ShellCommand): string | undefined {
  const i = commandWordIndex(cmd);
  return i < 0 ? undefined : basename(cmd.words[i]!.value);
}

/** The words after the effective command name. */
export function commandArgs(cmd: ShellCommand): readonly ShellWord[] {
  const i = commandWordIndex(cmd);
  return i < 0 ? [] : cmd.words.slice(i + 1);
}

/** Commands whose effective name is `names` (or one of them), in source order, `sh -c` strings included. */
export function findCommands(script: ShellScript, names: string | readonly string[]): ShellCommand[] {
  const wanted = typeof names === 'string' ? [names] : names;
  return script.commands.filter((c) => {
    const n = commandName(c);
    return n !== undefined && wanted.includes(n);
  });
}

export interface OptionMatch {
  /** The word holding the option. */
  readonly word: ShellWord;
  /** Index of `word` in the argument list searched (`commandArgs(cmd)` for `findOption`). */
  readonly argIndex: number;
  /** `--opt=value`, `-ovalue` or the next word; undefined when none was written. */
  readonly value: string | undefined;
  /** The word holding the value when it is a word of its own. */
  readonly valueWord: ShellWord | undefined;
}

/** Combined short flags such as `-qy` or `-fsSL` (letters only, short, so `-ojenkins` is not read as `-o -j …`). */
const COMBINED = /^-[A-Za-z]{2,5}$/;

/**
 * Finds the first option among `aliases` in the command's arguments (before `--`). Long aliases (`--yes`,
 * `-ldflags`) match `--yes` and `--yes=…`; two-character aliases (`-y`) also match combined flags (`-qy`)
 * and an attached value (`-j4`). `withValue` says the option takes a value: then the next word is its value
 * when none is attached.
 */
export function findOption(cmd: ShellCommand, aliases: readonly string[], withValue = false): OptionMatch | undefined {
  return findOptionIn(commandArgs(cmd), aliases, withValue);
}

/** `findOption` over a given argument list (e.g. the words after `python -m pip`). */
export function findOptionIn(args: readonly ShellWord[], aliases: readonly string[], withValue = false): OptionMatch | undefined {
  return findOptionFrom(args, 0, aliases, withValue);
}

/**
 * `findOptionIn` over `args` from index `from` on (what `findOptionIn(args.slice(from), …)` finds, without the
 * copy), with `argIndex` counted in `args`: repeated options are read by searching again after the last hit.
 */
export function findOptionFrom(args: readonly ShellWord[], from: number, aliases: readonly string[], withValue = false): OptionMatch | undefined {
  const i = optionIndex(args, from, aliases, withValue);
  if (i < 0) return undefined;
  const w = args[i]!;
  const v = w.value;
  for (const alias of aliases) {
    switch (matchAlias(v, alias, withValue)) {
      case EXACT: {
        const next = withValue ? args[i + 1] : undefined;
        return { word: w, argIndex: i, value: next?.value, valueWord: next };
      }
      case ASSIGNED: return { word: w, argIndex: i, value: v.slice(alias.length + 1), valueWord: undefined };
      // `-j4`, `-ofoo`: attached value; `-yq`: the alias leads a group of flags.
      case ATTACHED: return { word: w, argIndex: i, value: withValue ? v.slice(2) : undefined, valueWord: undefined };
      case COMBINED_FLAG: return { word: w, argIndex: i, value: undefined, valueWord: undefined };
    }
  }
  return undefined;
}

/**
 * Index in `args` of the word `findOptionFrom` finds, or -1: asks "is the option there" without building a
 * match (package rules ask a dozen options of every install).
 */
export function optionIndex(args: readonly ShellWord[], from: number, aliases: readonly string[], withValue = false): number {
  for (let i = from; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') return -1;
    if (v.length < 2 || v.charCodeAt(0) !== 45 /* - */) continue;
    for (const alias of aliases) if (matchAlias(v, alias, withValue) !== NO_MATCH) return i;
  }
  return -1;
}

const NO_MATCH = 0;
/** `--yes` for `--yes`. */
const EXACT = 1;
/** `--yes=…` for `--yes`. */
const ASSIGNED = 2;
/** `-j4` for `-j`, `-yq` for `-y`. */
const ATTACHED = 3;
/** `-qy` for `-y` (no value wanted). */
const COMBINED_FLAG = 4;

/** How the option word `v` (`-…`, two characters or more) writes `alias`, if it does. */
function matchAlias(v: string, alias: string, withValue: boolean): number {
  if (v === alias) return EXACT;
  if (alias.length > 2 || alias.startsWith('--')) {
    return v.length > alias.length && v.charCodeAt(alias.length) === 61 /* = */ && v.startsWith(alias) ? ASSIGNED : NO_MATCH;
  }
  if (v[1] === '-') return NO_MATCH;
  if (v.startsWith(alias)) return ATTACHED;
  if (!withValue && COMBINED.test(v) && v.includes(alias[1]!)) return COMBINED_FLAG;
  return NO_MATCH;
}

export function hasOption(cmd: ShellCommand, ...aliases: string[]): boolean {
  return findOption(cmd, aliases) !== undefined;
}

/** Value of an option that takes one (`-r file`, `--requirement=file`, `-rfile`). */
export function optionValue(cmd: ShellCommand, ...aliases: string[]): string | undefined {
  return findOption(cmd, aliases, true)?.value;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
/** `-eux`, `+x`: a group of one-letter shell options. */
const FLAG_GROUP = /^[-+][A-Za-z]+$/;

/** True for the names of POSIX-like shells. */
export function isShellName(name: string | undefined): boolean {
  return name !== undefined && SHELLS.has(name) && name !== 'busybox';
}

/**
 * Index in `cmd.words` of the script string of `sh -c '…'`, `bash -ec "…"`, `busybox sh -c …`,
 * `su -c '…' user`; -1 when the command runs no inline script.
 */
export function shellScriptWord(cmd: ShellCommand): number {
  let i = commandWordIndex(cmd);
  if (i < 0) return -1;
  let name = basename(cmd.words[i]!.value);
  if (name === 'busybox' && isShellName(cmd.words[i + 1]?.value)) name = cmd.words[++i]!.value;
  if (name === 'su' || name === 'runuser') {
    for (let j = i + 1; j < cmd.words.length - 1; j++) {
      const v = cmd.words[j]!.value;
      if (v === '-c' || v === '--command') return j + 1;
    }
    return -1;
  }
  if (!isShellName(name)) return -1;
  let sawC = false;
  for (let j = i + 1; j < cmd.words.length; j++) {
    const v = cmd.words[j]!.value;
    if (v === '--' || v === '-') { if (sawC) return j + 1 < cmd.words.length ? j + 1 : -1; return -1; }
    if (SHELL_VALUE_OPTIONS.has(v)) { j++; continue; }
    if (FLAG_GROUP.test(v)) {
      if (v[0] === '-' && v.includes('c')) sawC = true;
      // `-eo pipefail`: an `o` in a group of flags takes the next word.
      if (v.length > 2 && v.endsWith('o')) j++;
      continue;
    }
    if (v.startsWith('--')) continue;
    return sawC ? j : -1;
  }
  return -1;
}

export interface ShellOptions {
  readonly errexit: boolean;
  readonly nounset: boolean;
  readonly pipefail: boolean;
  readonly xtrace: boolean;
}

const LETTER_OPTIONS: Readonly<Record<string, keyof ShellOptions>> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
const NAMED_OPTIONS = new Set<string>(['errexit', 'nounset', 'pipefail', 'xtrace']);

/** Applies one `set`-style flag list (`set -euo pipefail`, `bash -ec`) to `state`. */
function applyFlags(words: readonly ShellWord[], from: number, state: Record<keyof ShellOptions, boolean>): void {
  for (let j = from; j < words.length; j++) {
    const v = words[j]!.value;
    if (!FLAG_GROUP.test(v)) {
      if (v === '--') return;
      continue;
    }
    const on = v[0] === '-';
    for (const letter of v.slice(1)) {
      const opt = LETTER_OPTIONS[letter];
      if (opt) state[opt] = on;
      else if (letter === 'o') {
        const named = words[++j]?.value;
        if (named && NAMED_OPTIONS.has(named)) state[named as keyof ShellOptions] = on;
      }
    }
  }
}

/**
 * Shell options in force when `at` runs (or at the end of the script): `set` commands before it in the same
 * script, and for a `sh -c` string the flags of its `sh` command (`bash -euo pipefail -c '…'`).
 */
export function shellOptionsAt(script: ShellScript, at?: ShellCommand): ShellOptions {
  const state = { errexit: false, nounset: false, pipefail: false, xtrace: false };
  const parent = at?.parent;
  if (parent) {
    const i = commandWordIndex(parent);
    const scriptAt = shellScriptWord(parent);
    if (i >= 0 && scriptAt > i) applyFlags(parent.words.slice(0, scriptAt), i + 1, state);
  }
  const end = at ? at.index : script.commands.length;
  for (let k = 0; k < end; k++) {
    const c = script.commands[k]!;
    if (c.parent !== parent) continue;
    if (commandName(c) === 'set' && !c.inSubshell) applyFlags(c.words, commandWordIndex(c) + 1, state);
  }
  return state;
}
