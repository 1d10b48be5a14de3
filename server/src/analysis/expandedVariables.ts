/**
 * The `$VAR` / `${VAR}` uses BuildKit expands itself (not the shell), with document ranges — the places its
 * UndefinedVar check looks at (dockerfile2llb `dispatch`: commands with `Expand`, plus ARG defaults):
 * - ENV, LABEL (keys and values), WORKDIR, USER, VOLUME, STOPSIGNAL: all arguments;
 * - COPY: sources, destination and `--chown`; ADD: the same plus `--checksum` (`--from`, `--chmod`, `--exclude`
 *   are not expanded there);
 * - ARG: the default values (each declaration sees the ones before it in the same instruction);
 * - RUN: the `--mount` options except `from=` (the command itself is the shell's business).
 * EXPOSE is expanded but never reported by BuildKit; CMD, ENTRYPOINT, HEALTHCHECK, SHELL and ONBUILD are not
 * expanded at build time. Single-quoted text and escaped `$` stay literal, as in BuildKit's word lexer. Heredoc
 * bodies (`COPY <<EOF`) are not included.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { findVariables } from './args';
import { instructionWords } from './instructionWords';
import { joinedText, joinLogicalLine, logicalLines, type JoinedLine, type PhysicalLine } from './logicalLine';
import type { DockerfileModel, Instr } from './model';
import { SingleQuoteTracker } from './variableUses';

export interface ExpandedVariable {
  readonly name: string;
  /** The whole `$NAME` / `${NAME…}` expression. */
  readonly range: Range;
  /** The name inside it (what a rename replaces). */
  readonly nameRange: Range;
  /** `:-`, `-`, `:+`, … ; undefined for a plain reference. */
  readonly modifier: string | undefined;
}

const WHOLE = new Set(['ENV', 'LABEL', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL']);
const EXPANDED_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  COPY: new Set(['chown']),
  ADD: new Set(['chown', 'checksum']),
};

/**
 * `skip`, when given, leaves out the uses it returns true for (asked in order, for each use outside single
 * quotes) before their ranges are worked out: a caller that only wants some uses (no-undefined-variable: the
 * undefined ones, where most are defined) then pays for the ranges of those alone.
 */
export function expandedVariables(
  model: DockerfileModel, instr: Instr, skip?: (name: string, modifier: string | undefined) => boolean,
): ExpandedVariable[] {
  if (!mayExpand(instr)) return [];
  // A RUN's `$` are mostly in its script, which BuildKit leaves to the shell: only its mount options count.
  if (instr.keyword === 'RUN' && !mountValueHasDollar(model, instr)) return [];
  const lines = logicalLines(model, instr);
  // Most instructions use no variable: skip their spans, joining the lines and tracking quotes.
  if (!anyDollar(lines)) return [];
  const spans = expandedSpans(model, instr);
  if (spans.length === 0) return [];
  const from = instr.keywordRange.end.character;
  // The text alone finds the uses; the position index is built for the first use whose range is needed.
  const text = joinedText(lines);
  let joined: JoinedLine | undefined;
  const quotes = new SingleQuoteTracker(text, model.escapeChar, from);
  const out: ExpandedVariable[] = [];
  for (const use of findVariables(text, model.escapeChar, from)) {
    if (quotes.quotedAt(use.start)) continue;
    if (skip?.(use.name, use.modifier)) continue;
    joined ??= joinLogicalLine(lines);
    const start = use.start;
    const range = { start: joined.positionAt(start), end: joined.positionAt(use.end) };
    if (!spans.some((s) => within(range, s))) continue;
    const nameStart = start + (text[start + 1] === '{' ? 2 : 1);
    out.push({
      name: use.name, range, modifier: use.modifier,
      nameRange: { start: joined.positionAt(nameStart), end: joined.positionAt(nameStart + use.name.length) },
    });
  }
  return out;
}

function anyDollar(lines: readonly PhysicalLine[]): boolean {
  for (const l of lines) if (!l.skipped && hasDollar(l.text, l.contentEnd)) return true;
  return false;
}

/** Whether a RUN's expanded spans (its `--mount` option values but `from=`) hold a `$`, without building them. */
function mountValueHasDollar(model: DockerfileModel, instr: Instr): boolean {
  for (const flag of instr.flags) {
    if (flag.name !== 'mount') continue;
    for (const o of flag.options) if (o.name !== 'from' && o.valueRange && rangeHasDollar(model, o.valueRange)) return true;
  }
  return false;
}

/** `model.textOf(range).includes('$')` without copying the text. */
function rangeHasDollar(model: DockerfileModel, range: Range): boolean {
  const a = model.document.offsetAt(range.start);
  const b = model.document.offsetAt(range.end);
  // `getText` (substring) reads an inverted range the other way round.
  const at = model.text.indexOf('$', Math.min(a, b));
  return at >= 0 && at < Math.max(a, b);
}

/** False when `expandedSpans` is certainly empty (CMD, FROM, a RUN without `--mount`, …), before reading any text. */
function mayExpand(instr: Instr): boolean {
  const k = instr.keyword;
  if (k === 'RUN') return instr.flags.some((f) => f.name === 'mount');
  return WHOLE.has(k) || EXPANDED_FLAGS[k] !== undefined || k === 'ARG';
}

/** Document ranges of the parts of `instr` BuildKit expands. */
function expandedSpans(model: DockerfileModel, instr: Instr): Range[] {
  const all = { start: instr.keywordRange.end, end: instr.range.end };
  if (WHOLE.has(instr.keyword)) return [all];
  const flags = EXPANDED_FLAGS[instr.keyword];
  if (flags) {
    const kept = instr.flags.filter((f) => flags.has(f.name)).map((f) => f.range);
    const first = instr.args[0];
    return first ? [...kept, { start: first.range.start, end: instr.range.end }] : kept;
  }
  if (instr.keyword === 'ARG') {
    return instructionWords(instr, model.escapeChar).flatMap((w) => {
      const eq = w.raw.indexOf('=');
      return eq < 0 ? [] : [{ start: w.positionAt(eq + 1), end: w.range.end }];
    });
  }
  if (instr.keyword === 'RUN') {
    return instr.flags.filter((f) => f.name === 'mount').flatMap((f) => f.options.filter((o) => o.name !== 'from' && o.valueRange).map((o) => o.valueRange!));
  }
  return [];
}

function hasDollar(text: string, end: number): boolean {
  const at = text.indexOf('$');
  return at >= 0 && at < end;
}

function within(inner: Range, outer: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
