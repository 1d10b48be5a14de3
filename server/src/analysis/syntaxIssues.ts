/**
 * What BuildKit rejects before it builds anything, computed on the model (no second parse): unknown
 * instructions, instructions before the first FROM, argument counts, flags (unknown, missing or invalid values,
 * duplicates), `--mount` options, SHELL without JSON form, HEALTHCHECK and ONBUILD forms, ENV/LABEL pairs,
 * invalid stage names, unterminated heredocs, parser directives, and FROM references that are empty after ARG
 * expansion or not valid image references (the flags are checked in `syntaxFlags.ts`). The `dockerfile-syntax` rule
 * turns these into problems.
 *
 * Deliberately not reported (BuildKit accepts them): several sources with a destination that does not end in
 * `/` (`COPY a b .` — only the classic builder refused it), malformed JSON in RUN/CMD/ENTRYPOINT/COPY (it silently
 * becomes shell form), unknown ONBUILD trigger instructions (only checked when a child image builds).
 */
import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import { PREDEFINED_ARGS, removeQuotes } from './args';
import { HEREDOC_INSTRUCTIONS, INSTRUCTIONS, isValidImageReference, isValidStageName } from './buildkitGrammar';
import {
  contentEndOf, endsWithContinuation, joinedText, joinLogicalLine, lineTextAt, logicalLines, skipBlanks, splitWords, trimmedLength,
  wordEnd, type JoinedLine, type Word,
} from './logicalLine';
import { headSettles } from './instructionHead';
import { ObjectMemo } from './memo';
import type { DockerfileModel, FlagInfo, Instr } from './model';
import { checkFlags } from './syntaxFlags';

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
  for (const instr of model.instructions) {
    if (!instr.stage && instr.keyword !== 'ARG' && instr.keyword !== 'FROM' && KNOWN_INSTRUCTIONS.has(instr.keyword)) {
      issues.push({ kind: 'beforeFrom', range: instr.keywordRange, data: { keyword: instr.keywordText } });
    }
    // A heredoc's check reads the lines after its instruction; any other instruction's issues are its node's.
    if (instr.heredocs.length > 0) checkInstruction(model, instr, issues);
    else for (const issue of nodeIssues(model, instr)) issues.push(issue);
  }
  if (model.stages.length === 0 && model.instructions.length > 0) {
    const first = model.instructions[0]!;
    issues.push({ kind: 'noStage', range: first.keywordRange, data: {} });
  }
  for (const stage of model.stages) checkBase(model, stage.from, issues);
  return issues;
}

/**
 * Whether `instr` opens a heredoc that the file never ends: the parser (and BuildKit) then read every line after it
 * as that heredoc's body, so a line inserted below it would not be an instruction.
 */
export function opensUnterminatedHeredoc(model: DockerfileModel, instr: Instr): boolean {
  if (instr.heredocs.length === 0) return false;
  const issues: SyntaxIssue[] = [];
  checkHeredocs(model, instr, parseInstruction(model, instr), issues);
  return issues.length > 0;
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

/**
 * An instruction's logical line as BuildKit reads it, scanned once without splitting it into words: most
 * instructions have no issue, so word strings, ranges and positions are only made for what is reported.
 */
interface Parsed {
  /** The joined logical line (see `logicalLine.ts`). */
  readonly text: string;
  readonly model: DockerfileModel;
  readonly instr: Instr;
  /** Flags as BuildKit extracts them: leading `--` words. */
  readonly flags: readonly FlagInfo[];
  /** Offset of the first word after the flags (the text's length when there is none). */
  readonly restStart: number;
  /** Joined lazily: only issues need document positions. */
  joined: JoinedLine | undefined;
  /** The words after the flags, split when first asked for (HEALTHCHECK asks twice). */
  words: readonly Word[] | undefined;
}

function positionIn(p: Parsed, offset: number): Position {
  return (p.joined ??= joinLogicalLine(logicalLines(p.model, p.instr))).positionAt(offset);
}

/**
 * The text of `instr`'s logical line. A first line that does not continue is all of it: most instructions are one
 * line, and their list of physical lines need not be read.
 */
function logicalText(model: DockerfileModel, instr: Instr): string {
  const line = instr.range.start.line;
  const text = lineTextAt(model, line);
  const continues = endsWithContinuation(text, model.escapeChar);
  if (continues && instr.range.end.line > line) return joinedText(logicalLines(model, instr));
  const end = contentEndOf(text, continues);
  return end === text.length ? text : text.slice(0, end);
}

function parseInstruction(model: DockerfileModel, instr: Instr): Parsed {
  const text = logicalText(model, instr);
  const esc = model.escapeChar;
  const afterKeyword = instr.keywordRange.end.character;
  let at = skipBlanks(text, afterKeyword);
  let flagCount = 0;
  while (at < text.length && text.startsWith('--', at)) {
    const end = wordEnd(text, esc, at);
    const bare = end - at === 2;
    at = skipBlanks(text, end);
    // A bare `--` ends the flags without being one.
    if (bare) break;
    flagCount++;
  }
  const p: Parsed = { text, model, instr, flags: instr.flags, restStart: at, joined: undefined, words: undefined };
  // dockerfile-ast gives flags with ranges and options for the instructions it knows take flags; for the others
  // build them from the words (BuildKit extracts leading `--` words for every instruction).
  if (instr.flags.length === flagCount) return p;
  const flags = splitWords(text, esc, afterKeyword).slice(0, flagCount).map((w) => wordFlag(w, p));
  return { ...p, flags };
}

/** The words after the flags, for the instructions whose checks read them. */
function argWords(model: DockerfileModel, p: Parsed): readonly Word[] {
  return (p.words ??= splitWords(p.text, model.escapeChar, p.restStart));
}

function wordFlag(w: Word, p: Parsed): FlagInfo {
  const eq = w.raw.indexOf('=');
  const name = w.raw.slice(2, eq < 0 ? undefined : eq);
  const start = positionIn(p, w.start);
  const nameStart = positionIn(p, w.start + 2);
  const nameEnd = positionIn(p, w.start + 2 + name.length);
  const end = positionIn(p, w.start + w.raw.length);
  return {
    name, value: eq < 0 ? null : w.raw.slice(eq + 1), range: { start, end }, nameRange: { start: nameStart, end: nameEnd },
    valueRange: eq < 0 ? null : { start: positionIn(p, w.start + eq + 1), end }, options: [],
  };
}

function wordRange(p: Parsed, w: Word): Range {
  return { start: positionIn(p, w.start), end: positionIn(p, w.start + w.raw.length) };
}

const KNOWN_INSTRUCTIONS: ReadonlySet<string> = new Set(INSTRUCTIONS);

/**
 * Instructions whose argument checks only count words (at least one; two for COPY and ADD) and look for JSON
 * form, so `headSettles` can answer them from the first line.
 */
const HEAD_WORDS: Readonly<Record<string, number>> = {
  RUN: 1, CMD: 1, ENTRYPOINT: 1, WORKDIR: 1, USER: 1, STOPSIGNAL: 1, MAINTAINER: 1, EXPOSE: 1, VOLUME: 1, COPY: 2, ADD: 2,
};

/**
 * What `checkInstruction` finds depends on the instruction's text at its position and the escape character only, as
 * does its parser node: a node that the next version reuses (`nodeReuse.ts`, same text, position and escape
 * character) keeps its issues, which are not looked for again.
 */
const issuesByNode = new ObjectMemo<Instruction, readonly SyntaxIssue[]>();
const NO_ISSUES: readonly SyntaxIssue[] = Object.freeze([]);

function nodeIssues(model: DockerfileModel, instr: Instr): readonly SyntaxIssue[] {
  let found = issuesByNode.get(instr.node);
  if (!found) {
    const list: SyntaxIssue[] = [];
    checkInstruction(model, instr, list);
    found = list.length === 0 ? NO_ISSUES : list;
    issuesByNode.set(instr.node, found);
  }
  return found;
}

/** An instruction's own issues: its keyword, flags, arguments and heredocs (not where it stands in the file). */
function checkInstruction(model: DockerfileModel, instr: Instr, issues: SyntaxIssue[]) {
  const keyword = instr.keyword;
  if (!KNOWN_INSTRUCTIONS.has(keyword)) {
    issues.push({
      kind: 'unknownInstruction', range: instr.keywordRange, data: { name: instr.keywordText },
      typo: { name: instr.keywordText, range: instr.keywordRange, candidates: INSTRUCTIONS },
    });
    return;
  }
  // Most instructions show their flags and first arguments on their first line, which settles these checks.
  const settlesWith = HEAD_WORDS[keyword];
  if (settlesWith !== undefined && !(HEREDOC_INSTRUCTIONS.has(keyword) && instr.heredocs.length > 0) && headSettles(model, instr, settlesWith)) {
    if (instr.flags.length > 0) checkFlags(instr, instr.flags, issues);
    return;
  }
  const p = parseInstruction(model, instr);
  // BuildKit never parses the flags of `HEALTHCHECK NONE`.
  const healthcheckNone = keyword === 'HEALTHCHECK' && argWords(model, p)[0]?.raw.toUpperCase() === 'NONE';
  if (!healthcheckNone && p.flags.length > 0) checkFlags(instr, p.flags, issues);
  checkArguments(model, instr, p, issues);
  if (HEREDOC_INSTRUCTIONS.has(keyword) && instr.heredocs.length > 0) checkHeredocs(model, instr, p, issues);
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

/** Where JSON (exec) form may start: `parseJsonForm` trims the text first. */
const JSON_START = /\s*\[/y;

/** `parseJsonForm` of the text after the flags, without copying it when it cannot be JSON. */
function jsonFormOf(p: Parsed): string[] | undefined {
  // Arguments start at a non-blank: a printable character other than '[' cannot begin JSON form.
  const first = p.text.charCodeAt(p.restStart);
  if (first > 32 && first < 127 && first !== 91) return undefined;
  JSON_START.lastIndex = p.restStart;
  return JSON_START.test(p.text) ? parseJsonForm(p.text.slice(p.restStart)) : undefined;
}

function checkArguments(model: DockerfileModel, instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  const keyword = instr.keyword;
  const json = jsonFormOf(p);
  const hasArgs = p.restStart < p.text.length;
  const count = json ? json.length : hasArgs ? 1 : 0;
  if (NEEDS_ONE.has(keyword) && count === 0) {
    missing(instr, p, 'at least one argument', issues);
    return;
  }
  switch (keyword) {
    case 'FROM': {
      const args = argWords(model, p);
      const ok = args.length === 1 || (args.length === 3 && args[1]!.raw.toLowerCase() === 'as');
      if (!ok) issues.push({ kind: 'fromArgs', range: argsRange(instr, p), data: {} });
      else if (args.length === 3 && !isValidStageName(args[2]!.raw.toLowerCase())) {
        issues.push({ kind: 'invalidStageName', range: wordRange(p, args[2]!), data: { name: args[2]!.raw } });
      }
      break;
    }
    case 'COPY':
    case 'ADD':
      // Fewer than two words: nothing after the first one.
      if (json ? json.length < 2 : !hasArgs || skipBlanks(p.text, wordEnd(p.text, model.escapeChar, p.restStart)) === p.text.length) {
        missing(instr, p, 'a source and a destination', issues);
      }
      break;
    case 'SHELL':
      if (!json) issues.push({ kind: 'shellNotJson', range: argsRange(instr, p), data: {} });
      else if (json.length === 0) missing(instr, p, 'at least one argument', issues);
      break;
    case 'HEALTHCHECK': {
      const args = argWords(model, p);
      const type = args[0]!.raw.toUpperCase();
      const tail = args.slice(1);
      if (type === 'NONE') {
        if (tail.length > 0) issues.push({ kind: 'healthcheckNoneArgs', range: { start: positionIn(p, tail[0]!.start), end: lineEnd(p) }, data: {} });
      } else if (type === 'CMD') {
        const cmdJson = parseJsonForm(p.text.slice(args[1] ? args[1].start : p.text.length));
        if (tail.length === 0 || (cmdJson && cmdJson.length === 0)) missing(instr, p, 'a command after CMD', issues);
      } else {
        issues.push({ kind: 'healthcheckType', range: wordRange(p, args[0]!), data: { value: args[0]!.raw } });
      }
      break;
    }
    case 'ONBUILD': {
      const first = argWords(model, p)[0]!;
      const trigger = first.raw.toUpperCase();
      if (trigger === 'ONBUILD' || trigger === 'FROM' || trigger === 'MAINTAINER') {
        issues.push({ kind: 'onbuildTrigger', range: wordRange(p, first), data: { trigger: first.raw } });
      }
      break;
    }
    case 'ENV':
    case 'LABEL':
      checkPairs(model, instr, p, issues);
      break;
    case 'ARG':
      for (let at = p.restStart; at < p.text.length;) {
        const end = wordEnd(p.text, model.escapeChar, at);
        if (p.text.charCodeAt(at) === 61) issues.push({ kind: 'blankName', range: wordRange(p, wordAt(p, at, end)), data: { keyword: instr.keywordText } });
        at = skipBlanks(p.text, end);
      }
      break;
    default:
      break;
  }
}

function lineEnd(p: Parsed): Position {
  return positionIn(p, trimmedLength(p.text));
}

/** From the first argument to the end of the line; the keyword when there is no argument. */
function argsRange(instr: Instr, p: Parsed): Range {
  return p.restStart < p.text.length ? { start: positionIn(p, p.restStart), end: lineEnd(p) } : instr.keywordRange;
}

function missing(instr: Instr, p: Parsed, expected: string, issues: SyntaxIssue[]) {
  issues.push({ kind: 'missingArgs', range: argsRange(instr, p), data: { keyword: instr.keywordText, expected } });
}

function wordAt(p: Parsed, start: number, end: number): Word {
  return { raw: p.text.slice(start, end), start };
}

function hasEquals(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 61) return true;
  return false;
}

function checkPairs(model: DockerfileModel, instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  const text = p.text;
  const esc = model.escapeChar;
  const firstEnd = wordEnd(text, esc, p.restStart);
  if (!hasEquals(text, p.restStart, firstEnd)) {
    // Legacy `ENV name value`: the value is the rest of the line and must not be empty.
    if (skipBlanks(text, firstEnd) === text.length) {
      const first = wordAt(p, p.restStart, firstEnd);
      issues.push({ kind: 'pairNoValue', range: wordRange(p, first), data: { keyword: instr.keywordText, name: first.raw } });
    }
    return;
  }
  for (let at = p.restStart; at < text.length;) {
    const end = wordEnd(text, esc, at);
    if (!hasEquals(text, at, end)) {
      const w = wordAt(p, at, end);
      issues.push({ kind: 'pairSyntax', range: wordRange(p, w), data: { keyword: instr.keywordText, word: w.raw } });
    } else if (text.charCodeAt(at) === 61) {
      issues.push({ kind: 'blankName', range: wordRange(p, wordAt(p, at, end)), data: { keyword: instr.keywordText } });
    }
    at = skipBlanks(text, end);
  }
}

const HEREDOC_MARKER = /(?:^|\s)\d*<<(-?)(["']?)([^\s"'<>|&;]+)\2/g;

function checkHeredocs(model: DockerfileModel, instr: Instr, p: Parsed, issues: SyntaxIssue[]) {
  const lastLine = model.document.lineCount - 1;
  // The parser swallows the rest of the file into an unterminated heredoc, so only the last instruction can have one.
  if (instr.range.end.line < lastLine - 1) return;
  if (jsonFormOf(p)) return;
  const headEnd = positionIn(p, p.text.length).line;
  let line = headEnd + 1;
  for (const m of p.text.matchAll(HEREDOC_MARKER)) {
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
        range: { start: positionIn(p, start), end: positionIn(p, m.index! + m[0].length) },
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
