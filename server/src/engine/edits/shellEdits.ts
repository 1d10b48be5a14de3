/**
 * Edits inside RUN scripts, addressed through the shell layer's document offsets: add an option after a
 * subcommand (`apt-get install` → `apt-get install --no-install-recommends`), append a command to the end of a
 * script, remove an option word. Every helper returns undefined when the edit cannot be written safely (a word
 * produced by a variable, an argv element of JSON form, a script that does not end in a plain command).
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instr } from '../../analysis/model';
import { runScriptsOf, type RunScript } from '../../analysis/runScript';
import { commandWordIndex, parseShell, type ShellCommand, type ShellWord } from '../../analysis/shell';

/** The script of `instr` that contains `cmd`. */
export function scriptOf(model: DockerfileModel, instr: Instr, cmd: ShellCommand): RunScript | undefined {
  return runScriptsOf(model, instr).find((s) => s.script.commands.includes(cmd));
}

/**
 * Whether text may be inserted between the words of `cmd`: not in a JSON-form argv (each word is a JSON string
 * there), unless the command comes from a `sh -c` string, whose words are shell words again.
 */
export function editableCommand(script: RunScript | undefined, cmd: ShellCommand): boolean {
  if (!script) return false;
  return script.form !== 'exec' || cmd.parent !== undefined;
}

export function wordRange(model: DockerfileModel, word: ShellWord): Range {
  return { start: model.document.positionAt(word.start), end: model.document.positionAt(word.end) };
}

/** From the command name to `last` (`apt-get install`), for reporting on the command rather than the RUN. */
export function commandHeadRange(model: DockerfileModel, cmd: ShellCommand, last?: ShellWord): Range {
  const name = cmd.words[Math.max(0, commandWordIndex(cmd))] ?? cmd.words[0];
  const start = name ? name.start : cmd.start;
  return { start: model.document.positionAt(start), end: model.document.positionAt(last ? last.end : name ? name.end : cmd.end) };
}

/** The first argument word of `cmd` (after the command name) whose value is `value`. */
export function argWord(cmd: ShellCommand, value: string): ShellWord | undefined {
  const i = commandWordIndex(cmd);
  return i < 0 ? undefined : cmd.words.slice(i + 1).find((w) => w.value === value);
}

/** Inserts ` text` right after `word` (a plain word written in the document). */
export function insertAfterWord(model: DockerfileModel, word: ShellWord, text: string): TextEdit | undefined {
  if (word.expansion || word.raw !== word.value) return undefined;
  const at = model.document.positionAt(word.end);
  return { range: { start: at, end: at }, newText: ` ${text}` };
}

/** Removes `word` and the blanks before it. */
export function removeWord(model: DockerfileModel, word: ShellWord): TextEdit | undefined {
  if (word.raw !== word.value) return undefined;
  let start = word.start;
  while (start > 0 && (model.text[start - 1] === ' ' || model.text[start - 1] === '\t')) start--;
  return { range: { start: model.document.positionAt(start), end: model.document.positionAt(word.end) }, newText: '' };
}

/**
 * Appends ` && text` after the last command of a shell-form script, when the script ends with a plain
 * top-level command (not inside `if`/loops/subshells, not backgrounded, nothing but blanks after it) that the
 * appended text does not become part of.
 */
export function appendToScript(model: DockerfileModel, script: RunScript, text: string): TextEdit | undefined {
  if (script.form !== 'shell') return undefined;
  const top = script.script.commands.filter((c) => c.parent === undefined);
  const last = top[top.length - 1];
  if (!last || last.contexts.length > 0 || last.background || top.some((c) => c.end > last.end)) return undefined;
  const tail = model.text.slice(last.end, script.end);
  if (tail.trim() !== '') return undefined;
  // After an escape character (`apt install \\` at a line end, which BuildKit reads as a continuation while the
  // parser reads an escaped backslash), the text would go between the continuation and the line it joins.
  if (model.text[last.end - 1] === model.escapeChar) return undefined;
  const newText = ` && ${text}`;
  if (!appendsCommand(model, script, last.end, newText, top.length)) return undefined;
  const at = model.document.positionAt(last.end);
  return { range: { start: at, end: at }, newText };
}

/**
 * Whether the script, with `newText` inserted at `at`, runs one more top-level command than its `commands`, and that
 * command is `newText`'s own. It is not when the script ends inside an unterminated quote, `${` or `$(` (the
 * tolerant lexer runs those to the end of the script): the text would land inside it and change that word instead.
 */
function appendsCommand(model: DockerfileModel, script: RunScript, at: number, newText: string, commands: number): boolean {
  const edited = model.text.slice(script.start, at) + newText;
  const top = parseShell(edited, { escapeChar: model.escapeChar }).commands.filter((c) => c.parent === undefined);
  const added = top[top.length - 1];
  return top.length === commands + 1 && added !== undefined && added.start >= at - script.start;
}
