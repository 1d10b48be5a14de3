/**
 * What BuildKit rejects before it builds anything, computed on the model (no second parse): unknown
 * instructions, instructions before the first FROM, argument counts, flags (unknown, missing or invalid values,
 * duplicates), `--mount` options, SHELL without JSON form, HEALTHCHECK and ONBUILD forms, ENV/LABEL pairs,
 * invalid stage names, unterminated heredocs, parser directives, and FROM references that are empty after ARG
 * expansion or not valid image references. The `dockerfile-syntax` rule turns these into problems.
 *
 * Deliberately not reported (BuildKit accepts them): several sources with a destination that does not end in
 * `/` (`COPY a b .` — only the classic builder refused it), malformed JSON in RUN/CMD/ENTRYPOINT/COPY (it silently
 * becomes shell form), unknown ONBUILD trigger instructions (only checked when a child image builds).
 */
import type { Range } from 'vscode-languageserver-types';
import { PREDEFINED_ARGS, removeQuotes } from './args';
import {
  flagsOf, goDurationMs, HEREDOC_INSTRUCTIONS, INSTRUCTIONS, isGoDuration, isValidImageReference, isValidStageName, MOUNT_KEYS,
  MOUNT_SHARING, MOUNT_TYPES, NETWORK_MODES, SECURITY_MODES,
} from './buildkitGrammar';
import { joinLogicalLine, lineTextAt, logicalLines, splitWords, trimmedLength, type JoinedLine, type Word } from './logicalLine';
import type { DockerfileModel, FlagInfo, Instr } from './model';

export type SyntaxIssueKind =
  | 'parseCrash' | 'unknownInstruction' | 'beforeFrom' | 'noStage' | 'missingArgs' | 'fromArgs' | 'invalidStageName'
  | 'unknownFlag' | 'flagValueMissing' | 'flagBool' | 'flagDuplicate' | 'flagValue' | 'mountType' | 'mountKey'
  | 'mountField' | 'shellNotJson' | 'healthcheckType' | 'healthcheckNoneArgs' | 'onbuildTrigger' | 'pairSyntax'
  | 'pairNoValue' | 'blankName' | 'heredocUnterminated' | 'emptyBaseName' | 'invalidReference' | 'invalidEscape'
  | 'duplicateDirective';

export interface SyntaxIssue {
  readonly kind: SyntaxIssueKind;
  readonly range: Range;
  readonly data: Readonly<Record<string, string | number>>;
  /** A misspelt name (instruction, flag or mount option): what was written, where, and the valid names. */
  readonly typo?: { readonly name: string; readonly range: Range; readonly candidates: readonly string[] };
}

export function syntaxIssues(model: DockerfileModel): SyntaxIssue[] {
  const issues: SyntaxIssue[] = [];
  if (model.parseError !== undefined) {
    const end = lineTextAt(model, 0).length;
    issues.push({ kind: 'parseCrash', range: lineRange(0, 0, end), data: { detail: model.parseError } });
    return issues;
  }
  checkDirectives(model, issues);
  for (const instr of model.instructions) checkInstruction(model, instr, issues);
  if (model.stages.length === 0 && model.instructions.length > 0) {
    const first = model.instructions[0]!;
    issues.push({ kind: 'noStage', range: first.keywordRange, data: {} });
  }
  for (const stage of model.stages) checkBase(model, stage.from, issues);
  return issues;
}

function checkDirectives(model: DockerfileModel, issues: SyntaxIssue[]) {
  const seen = new Set<string>();
  for (const d of model.directives) {
    if (d.name !== 'escape' && d.name !== 'syntax') continue;
    if (seen.has(d.name)) issues.push({ kind: 'duplicateDirective', range: d.range, data: { name: d.name } });
    seen.add(d.name);
    if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
      issues.push({ kind: 'invalidEscape', range: d.range, data: { value: d.value } });
    }
  }
}

interface Parsed {
  readonly joined: JoinedLine;
  /** Flags as BuildKit extracts them: leading `--` words. */
  readonly flags: readonly FlagInfo[];
  /** Words after the flags. */
  readonly args: readonly Word[];
  /** Text after the flags (for JSON form). */
  readonly rest: string;
  readonly restStart: number;
}

function parseInstruction(model: DockerfileModel, instr: Instr): Parsed {
  const joined = joinLogicalLine(logicalLines(model, instr));
  const afterKeyword = instr.keywordRange.end.character;
  const words = splitWords(joined.text, model.escapeChar, afterKeyword);
  let i = 0;
  const flagWords: Word[] = [];
  while (i < words.length && words[i]!.raw.startsWith('--')) {
    if (words[i]!.raw === '--') {
      i++;
      break;
    }
    flagWords.push(words[i]!);
    i++;
  }
  const args = words.slice(i);
  const restStart = args[0]?.start ?? joined.text.length;
  // dockerfile-ast gives flags with ranges and options for the instructions it knows take flags; for the others
  // build them from the words (BuildKit extracts leading `--` words for every instruction).
  const flags = instr.flags.length === flagWords.length ? instr.flags : flagWords.map((w) => wordFlag(w, joined));
  return { joined, flags, args, rest: joined.text.slice(restStart), restStart };
}

function wordFlag(w: Word, joined: JoinedLine): FlagInfo {
  const eq = w.raw.indexOf('=');
  const name = w.raw.slice(2, eq < 0 ? undefined : eq);
  const start = joined.positionAt(w.start);
  const nameStart = joined.positionAt(w.start + 2);
  const nameEnd = joined.positionAt(w.start + 2 + name.length);
  const end = joined.positionAt(w.start + w.raw.length);
  return {
    name, value: eq < 0 ? null : w.raw.slice(eq + 1), range: { start, end }, nameRange: { start: nameStart, end: nameEnd },
    valueRange: eq < 0 ? null : { start: joined.positionAt(w.start + eq + 1), end }, options: [],
  };
}

function wordRange(joined: JoinedLine, w: Word): Range {
  return { start: joined.positionAt(w.start), end: joined.positionAt(w.start + w.raw.length) };
}

function checkInstruction(model: DockerfileModel, instr: Instr, issues: SyntaxIssue[]) {
  const keyword = instr.keyword;
  if (!INSTRUCTIONS.includes(keyword)) {
    issues.push({
      kind: 'unknownInstruction', range: instr.keywordRange, data: { name: instr.keywordText },
      typo: { name: instr.keywordText, range: instr.keywordRange, candidates: INSTRUCTIONS },
    });
    return;
  }
  if (!instr.stage && keyword !== 'ARG' && keyword !== 'FROM') {
    issues.push({ kind: 'beforeFrom', range: instr.keywordRange, data: { keyword: instr.keywordText } });
  }
  const p = parseInstruction(model, instr);
  const healthcheckNone = keyword === 'HEALTHCHECK' && p.args[0]?.raw.toUpperCase() === 'NONE';
  // BuildKit never parses the flags of `HEALTHCHECK NONE`.
  if (!healthcheckNone) checkFlags(instr, p.flags, issues);
  checkArguments(instr, p, issues);
  if (HEREDOC_INSTRUCTIONS.has(keyword) && instr.heredocs.length > 0) checkHeredocs(model, instr, p, issues);
}

function checkFlags(instr: Instr, flags: readonly FlagInfo[], issues: SyntaxIssue[]) {
  const known = flagsOf(instr.keyword);
  const candidates = Object.keys(known);
  const seen = new Set<string>();
  for (const flag of flags) {
    const type = known[flag.name];
    const whole = { start: flag.range.start, end: flag.nameRange.end };
    const data = { name: flag.name, keyword: instr.keywordText };
    if (!type) {
      issues.push({ kind: 'unknownFlag', range: whole, data, typo: { name: flag.name, range: flag.nameRange, candidates } });
      continue;
    }
    if (type !== 'strings' && seen.has(flag.name)) issues.push({ kind: 'flagDuplicate', range: whole, data });
    seen.add(flag.name);
    const value = flag.value;
    if (type === 'bool') {
      if (value === '') issues.push({ kind: 'flagValueMissing', range: flag.range, data });
      else if (value !== null && !/^(true|false)$/i.test(value)) issues.push({ kind: 'flagBool', range: flag.range, data: { ...data, value } });
      continue;
    }
    if (value === null) {
      issues.push({ kind: 'flagValueMissing', range: flag.range, data });
      continue;
    }
    if (value.includes('$')) continue;
    const bad = (what: string) => issues.push({ kind: 'flagValue', range: flag.valueRange ?? flag.range, data: { ...data, value, what } });
    if (instr.keyword === 'HEALTHCHECK') {
      if (flag.name === 'retries') {
        if (!/^[+-]?\d+$/.test(value) || Number(value) < 0 || Number(value) > 2147483647) bad('non-negative whole number');
      } else if (value !== '') {
        const ms = goDurationMs(value);
        if (!isGoDuration(value) || (ms !== 0 && ms < 1)) bad('duration (such as 30s or 1m30s, at least 1ms)');
      }
    } else if (instr.keyword === 'RUN') {
      if (flag.name === 'network' && !NETWORK_MODES.includes(value)) bad('network mode (default, none or host)');
      if (flag.name === 'security' && !SECURITY_MODES.includes(value)) bad('security mode (sandbox or insecure)');
      if (flag.name === 'mount') checkMount(flag, issues);
    }
  }
}

function checkMount(flag: FlagInfo, issues: SyntaxIssue[]) {
  for (const opt of flag.options) {
    const key = opt.name.toLowerCase();
    const nameRange = { start: opt.range.start, end: { line: opt.range.start.line, character: opt.range.start.character + opt.name.length } };
    if (opt.value === null && !['readonly', 'ro', 'readwrite', 'rw', 'required'].includes(key)) {
      issues.push({ kind: 'mountField', range: opt.range, data: { name: opt.name } });
      continue;
    }
    if (!MOUNT_KEYS.includes(key)) {
      issues.push({
        kind: 'mountKey', range: nameRange, data: { name: opt.name },
        typo: { name: opt.name, range: nameRange, candidates: MOUNT_KEYS.filter((k) => k.length > 3) },
      });
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

/** JSON (exec) form as BuildKit reads it: a JSON array of strings; undefined when the text is not one. */
export function parseJsonForm(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

const NEEDS_ONE = new Set(['WORKDIR', 'USER', 'STOPSIGNAL', 'MAINTAINER', 'EXPOSE', 'VOLUME', 'ONBUILD', 'HEALTHCHECK', 'ARG', 'ENV', 'LABEL']);

function checkArguments(instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  const keyword = instr.keyword;
  const json = parseJsonForm(p.rest);
  const count = json ? json.length : p.args.length;
  const lineEnd = p.joined.positionAt(trimmedLength(p.joined.text));
  const argsRange: Range = p.args.length > 0 ? { start: p.joined.positionAt(p.restStart), end: lineEnd } : instr.keywordRange;
  const missing = (expected: string) => issues.push({ kind: 'missingArgs', range: argsRange, data: { keyword: instr.keywordText, expected } });
  if (NEEDS_ONE.has(keyword) && count === 0) {
    missing('at least one argument');
    return;
  }
  switch (keyword) {
    case 'FROM': {
      const ok = p.args.length === 1 || (p.args.length === 3 && p.args[1]!.raw.toLowerCase() === 'as');
      if (!ok) issues.push({ kind: 'fromArgs', range: argsRange, data: {} });
      else if (p.args.length === 3 && !isValidStageName(p.args[2]!.raw.toLowerCase())) {
        issues.push({ kind: 'invalidStageName', range: wordRange(p.joined, p.args[2]!), data: { name: p.args[2]!.raw } });
      }
      break;
    }
    case 'COPY':
    case 'ADD':
      if (count < 2) missing('a source and a destination');
      break;
    case 'SHELL':
      if (!json) issues.push({ kind: 'shellNotJson', range: argsRange, data: {} });
      else if (json.length === 0) missing('at least one argument');
      break;
    case 'HEALTHCHECK': {
      const type = p.args[0]!.raw.toUpperCase();
      const tail = p.args.slice(1);
      if (type === 'NONE') {
        if (tail.length > 0) issues.push({ kind: 'healthcheckNoneArgs', range: { start: p.joined.positionAt(tail[0]!.start), end: lineEnd }, data: {} });
      } else if (type === 'CMD') {
        const cmdJson = parseJsonForm(p.rest.slice(p.args[1] ? p.args[1].start - p.restStart : p.rest.length));
        if (tail.length === 0 || (cmdJson && cmdJson.length === 0)) missing('a command after CMD');
      } else {
        issues.push({ kind: 'healthcheckType', range: wordRange(p.joined, p.args[0]!), data: { value: p.args[0]!.raw } });
      }
      break;
    }
    case 'ONBUILD': {
      const trigger = p.args[0]!.raw.toUpperCase();
      if (trigger === 'ONBUILD' || trigger === 'FROM' || trigger === 'MAINTAINER') {
        issues.push({ kind: 'onbuildTrigger', range: wordRange(p.joined, p.args[0]!), data: { trigger: p.args[0]!.raw } });
      }
      break;
    }
    case 'ENV':
    case 'LABEL':
      checkPairs(instr, p, issues);
      break;
    case 'ARG':
      for (const w of p.args) {
        if (w.raw.startsWith('=')) issues.push({ kind: 'blankName', range: wordRange(p.joined, w), data: { keyword: instr.keywordText } });
      }
      break;
    default:
      break;
  }
}

function checkPairs(instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  const first = p.args[0]!;
  if (!first.raw.includes('=')) {
    // Legacy `ENV name value`: the value is the rest of the line and must not be empty.
    if (p.args.length < 2) issues.push({ kind: 'pairNoValue', range: wordRange(p.joined, first), data: { keyword: instr.keywordText, name: first.raw } });
    return;
  }
  for (const w of p.args) {
    if (!w.raw.includes('=')) {
      issues.push({ kind: 'pairSyntax', range: wordRange(p.joined, w), data: { keyword: instr.keywordText, word: w.raw } });
    } else if (w.raw.startsWith('=')) {
      issues.push({ kind: 'blankName', range: wordRange(p.joined, w), data: { keyword: instr.keywordText } });
    }
  }
}

const HEREDOC_MARKER = /(?:^|\s)\d*<<(-?)(["']?)([^\s"'<>|&;]+)\2/g;

function checkHeredocs(model: DockerfileModel, instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  if (parseJsonForm(p.rest)) return;
  const lastLine = model.document.lineCount - 1;
  // The parser swallows the rest of the file into an unterminated heredoc, so only the last instruction can have one.
  if (instr.range.end.line < lastLine - 1) return;
  const headEnd = p.joined.positionAt(p.joined.text.length).line;
  let line = headEnd + 1;
  for (const m of p.joined.text.matchAll(HEREDOC_MARKER)) {
    const chomp = m[1] === '-';
    const name = m[3]!;
    let found = false;
    for (; line <= lastLine; line++) {
      let text = lineTextAt(model, line).replace(/\r$/, '');
      if (chomp) text = text.replace(/^\t+/, '');
      if (text === name) {
        found = true;
        line++;
        break;
      }
    }
    if (!found) {
      const start = m.index! + m[0].length - m[0].trimStart().length;
      issues.push({
        kind: 'heredocUnterminated', data: { name },
        range: { start: p.joined.positionAt(start), end: p.joined.positionAt(m.index! + m[0].length) },
      });
      return;
    }
  }
}

function checkBase(model: DockerfileModel, from: Instr, issues: SyntaxIssue[]) {
  const stage = from.stage;
  if (!stage || (stage.base.kind !== 'image')) return;
  const base = stage.base;
  const value = removeQuotes(model.expand(base.text, from).value, model.escapeChar);
  if (value.trim() === '') {
    const declared = new Set(model.globalArgs.map((a) => a.name));
    const vars = [...base.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
    if (vars.length > 0 && vars.every((v) => !declared.has(v) && !PREDEFINED_ARGS.has(v))) {
      issues.push({ kind: 'emptyBaseName', range: base.range, data: { text: base.text, vars: vars.map((v) => `'${v}'`).join(', ') } });
    }
    return;
  }
  if (!value.includes('$') && !isValidImageReference(value)) {
    issues.push({ kind: 'invalidReference', range: base.range, data: { ref: value } });
  }
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
