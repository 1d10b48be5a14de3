/**
 * The pure half of loading `.stagelint.json`, shared by the CLI and the LSP adapters: parse the text, validate
 * it against the rule registry, and give every problem a position in the file. The adapters only find and read
 * the file (walking up from the Dockerfile) and decide what a problem means for them: the CLI exits with code 2,
 * the editor shows a diagnostic and keeps going with the usable part.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ConfigFile } from '../../../shared/src/config';
import { validateConfig } from './config';
import type { AnyRule } from './defineRule';
import { parseJsonWithLocations, type JsonPath } from './jsonLocations';

export interface ConfigTextProblem {
  readonly message: string;
  /** 0-based, like every engine range. */
  readonly range: Range;
}

export interface ParsedConfigText {
  /** The usable part of the configuration: `{}` when the JSON does not parse, invalid entries dropped otherwise. */
  readonly config: ConfigFile;
  readonly problems: readonly ConfigTextProblem[];
  /** True when the text is not JSON at all (the config is then ignored entirely). */
  readonly syntaxError: boolean;
}

export function parseConfigText(text: string, rules: readonly AnyRule[]): ParsedConfigText {
  const parsed = parseJsonWithLocations(text);
  if (!parsed.ok) return { config: {}, problems: [parsed.error], syntaxError: true };

  const problems: ConfigTextProblem[] = [];
  for (const d of parsed.duplicates) {
    problems.push({ message: `duplicate property '${String(d.path[d.path.length - 1])}' (the last one wins)`, range: d.key });
  }
  const { config, problems: invalid } = validateConfig(parsed.value, rules);
  for (const p of invalid) {
    // Walk up to the nearest located ancestor: a problem about a missing value points at its container.
    let path: JsonPath = p.path;
    let loc = parsed.locate(path);
    while (!loc && path.length > 0) {
      path = path.slice(0, -1);
      loc = parsed.locate(path);
    }
    const useKey = p.message.startsWith('unknown ') && path.length === p.path.length;
    const range = (useKey ? loc?.key : undefined) ?? loc?.value ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    problems.push({ message: p.message, range });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { config, problems, syntaxError: false };
}

/** `path:line:column: message` with 1-based positions, the form compilers use and terminals make clickable. */
export function formatConfigProblem(file: string, problem: ConfigTextProblem): string {
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}
