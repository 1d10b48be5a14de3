/**
 * Edit helpers shared by rules and refactors. They preserve the file's style: indentation of the line they
 * insert next to, the file's line endings, and whole-line removal (so no blank holes are left).
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { occurrencesOf } from '../analysis/stageOccurrences';
import { opensUnterminatedHeredoc } from '../analysis/syntaxIssues';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/**
 * `keyword` (given in upper case) in the casing of `next`'s keyword, for text written into or beside it:
 * lower case next to `from`, upper case otherwise (BuildKit's casing checks want one casing per file).
 */
export function keywordLike(next: Instr, keyword: string): string {
  return next.keywordText === next.keywordText.toLowerCase() ? keyword.toLowerCase() : keyword;
}

/**
 * A character past the end of any line: the document clamps it to the line's end, before its line break. Not
 * `Number.MAX_SAFE_INTEGER`, which V8 cannot keep as a small integer: positions built with it made every
 * `{ line, character }` of that shape store its character as a double.
 */
const PAST_LINE_END = 0x3fffffff;

/** Text of document line `line` without its line break (`\n`, `\r\n` or a lone `\r`: the clamp stops before it). */
export function lineText(model: DockerfileModel, line: number): string {
  return model.document.getText({ start: { line, character: 0 }, end: { line, character: PAST_LINE_END } });
}

export function indentOf(model: DockerfileModel, line: number): string {
  return /^[ \t]*/.exec(lineText(model, line))![0];
}

/** Inserts ` text` right after `instr`'s keyword, where BuildKit reads flags (`COPY --chown=app …`, `RUN --mount=… …`). */
export function insertAfterKeyword(instr: Instr, text: string): TextEdit {
  const at = instr.keywordRange.end;
  return { range: { start: at, end: at }, newText: ` ${text}` };
}

/** Inserts whole lines above `line`, with that line's indentation. */
export function insertLinesBefore(model: DockerfileModel, line: number, lines: readonly string[]): TextEdit {
  const indent = indentOf(model, line);
  const text = lines.map((l) => indent + l + model.eol).join('');
  // A byte-order mark must stay the file's first character: on line 0, insert after it.
  const at = { line, character: line === 0 && model.text.startsWith('\uFEFF') ? 1 : 0 };
  return { range: { start: at, end: at }, newText: text };
}

/**
 * Inserts whole lines below the last line of `instr`; undefined when `instr` opens a heredoc the file never ends
 * (the lines would become part of its body).
 */
export function insertLinesAfter(model: DockerfileModel, instr: Instr, lines: readonly string[]): TextEdit | undefined {
  if (opensUnterminatedHeredoc(model, instr)) return undefined;
  const indent = indentOf(model, instr.range.start.line);
  const endLine = instr.range.end.line;
  const end = { line: endLine, character: lineText(model, endLine).length };
  return { range: { start: end, end }, newText: lines.map((l) => model.eol + indent + l).join('') };
}

/** Removes the lines `from..to` (inclusive) together with their line breaks. */
/** A comment line BuildKit would read as a parser directive if it stood in the directive block at the top. */
const DIRECTIVE_SHAPED = /^\s*#\s*[A-Za-z][A-Za-z0-9_-]*\s*=/;

export function removeLines(model: DockerfileModel, from: number, to: number): TextEdit {
  const lastLine = model.document.lineCount - 1;
  if (to < lastLine) {
    // Removing the first instruction must not pull a later `# key=value` comment into the directive block (it
    // would become, say, an escape directive): a blank line left in its place ends the block, as it did before.
    const joinsDirectives = DIRECTIVE_SHAPED.test(lineText(model, to + 1)) && Array.from({ length: from }, (_, l) => lineText(model, l)).every((t) => DIRECTIVE_SHAPED.test(t));
    return { range: { start: { line: from, character: 0 }, end: { line: to + 1, character: 0 } }, newText: joinsDirectives ? '\n' : '' };
  }
  // Last line of the file: eat the preceding line break instead.
  const start = from > 0 ? { line: from - 1, character: lineText(model, from - 1).length } : { line: 0, character: 0 };
  return { range: { start, end: { line: to, character: lineText(model, to).length } }, newText: '' };
}

export function removeInstruction(model: DockerfileModel, instr: Instr): TextEdit {
  return removeLines(model, instr.range.start.line, instr.range.end.line);
}

/**
 * Renames a stage where its name is spelled: the declaration and every by-name reference (`FROM x`,
 * `COPY --from=x`, `RUN --mount=…,from=x`, `--target x` in comments), the same places the editor's rename changes.
 */
export function renameStageEdits(model: DockerfileModel, stage: Stage, newName: string): TextEdit[] {
  return occurrencesOf(model, stage)
    .filter((o) => o.by === 'name')
    .map((o) => replace(o.range, newName));
}

/**
 * One edit replacing only the changed middle of `model.text` by the matching part of `output`, so the editor
 * keeps cursor, selection and folding elsewhere; undefined when the texts are equal.
 */
export function minimalEdit(model: DockerfileModel, output: string): TextEdit | undefined {
  const input = model.text;
  if (input === output) return undefined;
  let start = 0;
  const max = Math.min(input.length, output.length);
  while (start < max && input.charCodeAt(start) === output.charCodeAt(start)) start++;
  // Never split a CRLF pair: positions inside it are ambiguous.
  if (start > 0 && input[start - 1] === '\r') start--;
  let end = 0;
  while (end < max - start && input.charCodeAt(input.length - 1 - end) === output.charCodeAt(output.length - 1 - end)) end++;
  if (end > 0 && input[input.length - end] === '\n' && input[input.length - end - 1] === '\r') end--;
  return {
    range: { start: model.document.positionAt(start), end: model.document.positionAt(input.length - end) },
    newText: output.slice(start, output.length - end),
  };
}
