/**
 * `#` comments that are not at the start of a line. BuildKit only recognises a comment when `#` is the first
 * non-blank character of a line; anywhere else the `#` and what follows are ordinary arguments:
 * - in FROM/COPY/WORKDIR/ENV/EXPOSE/… (and JSON forms) they become arguments (`WORKDIR /app # x`);
 * - in shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD the shell treats them as a comment up to the end of the
 *   *logical* line, so a comment followed by `\` comments out every continuation line after it;
 * - after a continuation marker (`RUN a && \ # note`) the marker is no longer last on the line, so the
 *   instruction ends there and the next line is parsed as a new instruction.
 * `#` inside quotes, after an escape character, or inside a word (`ADD https://host/repo.git#v1`) is no comment.
 */
import type { Range } from 'vscode-languageserver-types';
import { INSTRUCTIONS } from './buildkitGrammar';
import { endsWithContinuation, isSkippedLine, lineTextAt, logicalLines, type PhysicalLine } from './logicalLine';
import type { DockerfileModel, Instr } from './model';

export type InlineCommentKind = 'argument' | 'swallows' | 'breaksContinuation';

export interface InlineComment {
  readonly kind: InlineCommentKind;
  /** The comment, from `#` to its last non-blank character. */
  readonly range: Range;
  readonly text: string;
  /** The comment with the blanks before it: what moving it away removes. */
  readonly removeRange: Range;
  /**
   * False when moving the comment would leave an instruction without arguments, join an unrelated line, or make
   * it a parser directive (see `becomesDirective`).
   */
  readonly movable: boolean;
}

/** Whether the instruction's arguments go to a shell (`/bin/sh -c`), where `#` starts a shell comment. */
function isShellForm(model: DockerfileModel, instr: Instr): boolean {
  const keyword = instr.keyword;
  if (keyword !== 'RUN' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'HEALTHCHECK') return false;
  const head = lineTextAt(model, instr.range.start.line).slice(instr.keywordRange.end.character);
  const rest = head.replace(/^\s*(--\S+\s+)*/, '');
  const body = keyword === 'HEALTHCHECK' ? (/^CMD\s/i.test(rest) ? rest.slice(3).trimStart() : undefined) : rest;
  // `["…"` is meant as JSON (exec form) even when a trailing comment breaks it; `[ -f x ]` is the shell's test.
  return body !== undefined && !/^\[\s*"/.test(body);
}

export function inlineComments(model: DockerfileModel, instr: Instr): InlineComment[] {
  const lines = logicalLines(model, instr);
  // Most instructions have no '#' at all: nothing to scan for.
  if (!lines.some((l) => !l.skipped && l.text.includes('#'))) return [];
  const target = instr.trigger ?? instr;
  const shell = isShellForm(model, target);
  const esc = model.escapeChar;
  const found: InlineComment[] = [];
  let quote: string | undefined;
  let seenArgument = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.skipped) continue;
    const text = line.text;
    const from = li === 0 ? instr.keywordRange.end.character : 0;
    // A continuing line ends at its marker; a last line at its last non-blank character.
    const end = line.contentEnd;
    for (let i = from; i < end; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === esc && quote === '"') i++;
        continue;
      }
      if (c === esc) {
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        continue;
      }
      if (c !== '#') {
        if (c !== ' ' && c !== '\t') seenArgument = true;
        continue;
      }
      const before = i > 0 ? text[i - 1]! : ' ';
      const wordStart = before === ' ' || before === '\t' || (shell && ';&|()'.includes(before));
      if (!wordStart) continue;
      const comment = text.slice(i, end).replace(/[ \t]+$/, '');
      const blanksStart = text.slice(0, i).replace(/[ \t]+$/, '').length;
      const range = lineRange(line.line, i, i + comment.length);
      const removeRange = lineRange(line.line, blanksStart, i + comment.length);
      const prefix = text.slice(0, i);
      const staysComment = !becomesDirective(model, instr, comment);
      if (!line.continues && endsWithContinuation(prefix, esc) && hasNextLine(model, line)) {
        const next = nextCodeLine(model, line.line);
        const nextKeyword = next === undefined ? undefined : /^\s*(\S+)/.exec(next)?.[1]?.toUpperCase();
        const joinsInstruction = nextKeyword !== undefined && INSTRUCTIONS.includes(nextKeyword);
        found.push({ kind: 'breaksContinuation', range, text: comment, removeRange, movable: staysComment && !joinsInstruction });
        return found;
      }
      if (shell) {
        // A shell comment runs to the end of the logical line: harmless unless continuation lines follow it.
        const swallows = line.continues && lines.slice(li + 1).some((l) => !l.skipped && l.text.slice(0, l.contentEnd).trim() !== '');
        if (swallows) found.push({ kind: 'swallows', range, text: comment, removeRange, movable: staysComment && seenArgument });
        return found;
      }
      const kept = target.args.filter((a) => a.range.start.line < line.line || (a.range.start.line === line.line && a.range.start.character < i));
      found.push({ kind: 'argument', range, text: comment, removeRange, movable: staysComment && seenArgument && kept.length >= argumentsNeeded(target.keyword, kept) });
      break;
    }
  }
  return found;
}

/** `# name=value`: the shape of a parser directive (`# escape=\``, `# syntax=…`, `# check=…`), value or not. */
const DIRECTIVE_SHAPE = /^#\s*[A-Za-z][A-Za-z0-9_-]*\s*=/;

/**
 * Whether the comment, moved to its own line above `instr`, would be read as a parser directive: BuildKit reads
 * directives from the top of the file until the first line that is not one, so a comment of that shape lands in
 * the directives when nothing but directives comes before the instruction (`FROM alpine # escape=\`` on the first
 * line would change the escape character of the whole file).
 */
function becomesDirective(model: DockerfileModel, instr: Instr, comment: string): boolean {
  return instr.range.start.line <= model.directiveBlockEnd && DIRECTIVE_SHAPE.test(comment);
}

/**
 * How many arguments must stay for the instruction to remain valid once the comment is moved away: COPY and ADD
 * need a source and a destination (`COPY src #`); ENV and LABEL in the `key value` form need the value
 * (`ENV DEBUG #` would become `ENV DEBUG`, which BuildKit rejects), in the `key=value` form one pair is enough.
 */
function argumentsNeeded(keyword: string, kept: readonly { value: string }[]): number {
  if (keyword === 'COPY' || keyword === 'ADD') return 2;
  if (keyword === 'ENV' || keyword === 'LABEL') return kept[0]?.value.includes('=') ? 1 : 2;
  return 1;
}

function hasNextLine(model: DockerfileModel, line: PhysicalLine): boolean {
  return nextCodeLine(model, line.line) !== undefined;
}

/** The next line after `line` that is neither blank nor a comment line. */
function nextCodeLine(model: DockerfileModel, line: number): string | undefined {
  for (let l = line + 1; l < model.document.lineCount; l++) {
    const text = lineTextAt(model, l);
    if (isSkippedLine(text)) continue;
    return text;
  }
  return undefined;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
