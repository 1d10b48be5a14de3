/**
 * The flags part of `syntaxIssues`: what BuildKit rejects in an instruction's flags — unknown flags (with typo
 * candidates), duplicates, missing values, invalid booleans, durations, `--network`/`--security` modes and the
 * `--mount` options of RUN.
 */
import type { Range } from 'vscode-languageserver-types';
import { flagsOf, goDurationMs, isGoDuration, MOUNT_KEYS, MOUNT_SHARING, MOUNT_TYPES, NETWORK_MODES, SECURITY_MODES } from './buildkitGrammar';
import type { FlagInfo, FlagOptionInfo, Instr } from './model';
import { own } from './ownKey';
import type { SyntaxIssue } from './syntaxIssues';

export function checkFlags(instr: Instr, flags: readonly FlagInfo[], issues: SyntaxIssue[]) {
  const known = flagsOf(instr.keyword);
  for (let f = 0; f < flags.length; f++) {
    const flag = flags[f]!;
    const type = own(known, flag.name);
    if (!type) {
      // Not a flag the instruction already has, unless it may repeat: renaming to it would give it twice.
      const candidates = Object.keys(known).filter((name) => known[name] === 'strings' || !flags.some((other) => other.name === name));
      const typo = { name: flag.name, range: flag.nameRange, candidates };
      issues.push({ kind: 'unknownFlag', range: wholeFlag(flag), data: flagData(instr, flag), typo });
      continue;
    }
    // A flag of the same name before it had the same (known) type.
    if (type !== 'strings' && namedBefore(flags, f)) {
      issues.push({ kind: 'flagDuplicate', range: wholeFlag(flag), data: flagData(instr, flag) });
    }
    const value = flag.value;
    if (type === 'bool') {
      if (value === '') issues.push({ kind: 'flagValueMissing', range: flag.range, data: flagData(instr, flag) });
      else if (value !== null && !/^(true|false)$/i.test(value)) issues.push({ kind: 'flagBool', range: flag.range, data: { ...flagData(instr, flag), value } });
      continue;
    }
    if (value === null) {
      issues.push({ kind: 'flagValueMissing', range: flag.range, data: flagData(instr, flag) });
      continue;
    }
    if (value.includes('$')) continue;
    if (instr.keyword === 'HEALTHCHECK') {
      if (flag.name === 'retries') {
        if (!/^[+-]?\d+$/.test(value) || Number(value) < 0 || Number(value) > 2147483647) badValue(instr, flag, value, 'non-negative whole number', issues);
      } else if (value !== '') {
        const ms = goDurationMs(value);
        if (!isGoDuration(value) || (ms !== 0 && ms < 1)) badValue(instr, flag, value, 'duration (such as 30s or 1m30s, at least 1ms)', issues);
      }
    } else if (instr.keyword === 'RUN') {
      if (flag.name === 'network' && !NETWORK_MODES.includes(value)) badValue(instr, flag, value, 'network mode (default, none or host)', issues);
      if (flag.name === 'security' && !SECURITY_MODES.includes(value)) badValue(instr, flag, value, 'security mode (sandbox or insecure)', issues);
      if (flag.name === 'mount') checkMount(flag, issues);
    }
  }
}

function namedBefore(flags: readonly FlagInfo[], f: number): boolean {
  for (let e = 0; e < f; e++) if (flags[e]!.name === flags[f]!.name) return true;
  return false;
}

function wholeFlag(flag: FlagInfo): Range {
  return { start: flag.range.start, end: flag.nameRange.end };
}

function flagData(instr: Instr, flag: FlagInfo): { name: string; keyword: string } {
  return { name: flag.name, keyword: instr.keywordText };
}

function badValue(instr: Instr, flag: FlagInfo, value: string, what: string, issues: SyntaxIssue[]) {
  issues.push({ kind: 'flagValue', range: flag.valueRange ?? flag.range, data: { ...flagData(instr, flag), value, what } });
}

/**
 * Where an option's name is written: at the start of its range, when the whole option is on one line. An option
 * split by a continuation (or a lone carriage return, a line break to the editor but not to BuildKit) has no such
 * range; counting the name's length from its start would run past the end of the line.
 */
function optionNameRange(opt: FlagOptionInfo): Range | undefined {
  const { start, end } = opt.range;
  if (start.line !== end.line || start.character + opt.name.length > end.character) return undefined;
  return { start, end: { line: start.line, character: start.character + opt.name.length } };
}

/** `--mount` options that may be written without `=value`. */
const MOUNT_SWITCHES: ReadonlySet<string> = new Set(['readonly', 'ro', 'readwrite', 'rw', 'required']);
const MOUNT_KEY_SET: ReadonlySet<string> = new Set(MOUNT_KEYS);

function checkMount(flag: FlagInfo, issues: SyntaxIssue[]) {
  for (const opt of flag.options) {
    const key = opt.name.toLowerCase();
    if (opt.value === null && !MOUNT_SWITCHES.has(key)) {
      issues.push({ kind: 'mountField', range: opt.range, data: { name: opt.name } });
      continue;
    }
    if (!MOUNT_KEY_SET.has(key)) {
      const nameRange = optionNameRange(opt);
      issues.push(nameRange
        // Not an option the mount already has: renaming to it would override the value given there.
        ? { kind: 'mountKey', range: nameRange, data: { name: opt.name }, typo: { name: opt.name, range: nameRange, candidates: MOUNT_KEYS.filter((k) => k.length > 3 && !flag.options.some((o) => o.name.toLowerCase() === k)) } }
        // Split over lines: the whole option, without a rename that could not say where the name is.
        : { kind: 'mountKey', range: opt.range, data: { name: opt.name } });
      continue;
    }
    const value = opt.value;
    if (value === null) continue;
    if (value.includes('$')) continue;
    if (key === 'type' && !MOUNT_TYPES.includes(value.toLowerCase())) {
      issues.push({ kind: 'mountType', range: opt.valueRange ?? opt.range, data: { value } });
    }
    if (key === 'sharing' && !MOUNT_SHARING.includes(value.toLowerCase())) {
      issues.push({ kind: 'flagValue', range: opt.valueRange ?? opt.range, data: { name: 'mount', value, what: 'sharing mode (shared, private or locked)' } });
    }
  }
}
