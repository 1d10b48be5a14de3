/**
 * Where the options of a flag are when its value runs across a line continuation
 * (`RUN --mount=type=bind,\<newline>from=builder,target=/src make`): dockerfile-ast reads the options from the joined value,
 * as BuildKit does, but places each as if the value had no line break, its columns off by the continuation's length
 * and a range possibly starting on the escape character. An edit made at such a range (renaming a stage, correcting
 * a `from=` typo) would overwrite the wrong characters, so the options are placed again through `joinedWord`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { joinedWord } from './joinedWord';
import type { FlagOptionInfo } from './model';

/**
 * `options` with their ranges placed in the document, when the flag's value (`value`, at `valueRange`) spans lines;
 * `options` as they are otherwise, or when the joined text does not read as the parser's value (then there is no
 * sure mapping, and the parser's ranges are all there is).
 */
export function placeOptions(
  document: TextDocument,
  valueRange: Range | null,
  value: string | null,
  options: FlagOptionInfo[],
): FlagOptionInfo[] {
  if (!valueRange || value === null || valueRange.start.line === valueRange.end.line || options.length === 0) return options;
  const word = joinedWord(document, valueRange);
  if (word.text !== value) return options;
  const placed: FlagOptionInfo[] = [];
  let cursor = 0;
  for (const option of options) {
    const written = option.value === null ? option.name : `${option.name}=${option.value}`;
    const start = written.length === 0 ? -1 : word.text.indexOf(written, cursor);
    if (start < 0) return options;
    const end = start + written.length;
    const valueStart = start + option.name.length + 1;
    // An empty value (`from=`) is an empty range right after the '='.
    const valueRange = option.value === null ? null : option.value === '' ? emptyAfter(word.rangeOf(valueStart - 1, valueStart)) : word.rangeOf(valueStart, end);
    placed.push({ ...option, range: word.rangeOf(start, end), valueRange });
    cursor = end;
  }
  return placed;
}

function emptyAfter(range: Range): Range {
  return { start: range.end, end: range.end };
}
