/**
 * Where an instruction uses `$VAR` / `${VAR}`, with document ranges. BuildKit expands variables itself in ADD,
 * COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and ARG (flags included); in RUN the shell
 * expands them from the environment, where ARGs declared in the stage (and ENV) are set. Heredoc bodies of RUN
 * are shell scripts too. CMD/ENTRYPOINT/HEALTHCHECK run in the container, where no ARG exists; ONBUILD runs in
 * child images. Those are not scanned.
 */
import type { Range } from 'vscode-languageserver-types';
import { findVariables } from './args';
import { logicalLines } from './logicalLine';
import type { DockerfileModel, Instr } from './model';

export const EXPANDING_INSTRUCTIONS: ReadonlySet<string> = new Set([
  'ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG', 'RUN',
]);

export interface VariableRef {
  readonly name: string;
  readonly range: Range;
}

export function variableUses(model: DockerfileModel, instr: Instr): VariableRef[] {
  if (!EXPANDING_INSTRUCTIONS.has(instr.keyword)) return [];
  const shell = instr.keyword === 'RUN';
  const refs: VariableRef[] = [];
  let singleQuoted = false;
  for (const line of logicalLines(model, instr)) {
    if (line.skipped) continue;
    const from = line.line === instr.range.start.line ? instr.keywordRange.end.character : 0;
    const dollar = line.text.indexOf('$', from);
    // In a shell, '…' keeps `$` literal (awk and sed scripts): skip what is single-quoted, and carry an open '…'
    // over to the next line.
    const quotes: SingleQuoteTracker | undefined = shell ? new SingleQuoteTracker(line.text, model.escapeChar, from, singleQuoted) : undefined;
    if (dollar >= 0 && dollar < line.contentEnd) {
      const segment = line.text.slice(from, line.contentEnd);
      for (const use of findVariables(segment, model.escapeChar)) {
        if (quotes?.quotedAt(from + use.start)) continue;
        refs.push({ name: use.name, range: lineRange(line.line, from + use.start, from + use.end) });
      }
    }
    if (quotes) singleQuoted = quotes.openAfter(line.contentEnd);
  }
  if (shell) {
    for (const heredoc of instr.heredocs) {
      if (!heredoc.contentRange) continue;
      const startLine = heredoc.contentRange.start.line;
      // Lines as the document counts them: a lone CR ends a line too.
      heredoc.content.split(/\r\n|\r|\n/).forEach((text, i) => {
        for (const use of findVariables(text, model.escapeChar)) {
          refs.push({ name: use.name, range: lineRange(startLine + i, use.start, use.end) });
        }
      });
    }
  }
  return refs;
}

/** Names a shell script assigns itself (`NAME=…`, `export NAME=…`, `for NAME in`, `read NAME`). */
export function shellAssignedNames(script: string): Set<string> {
  const names = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;&|(`])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1]!);
  for (const m of script.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) names.add(m[1]!);
  for (const m of script.matchAll(/\bread\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return names;
}

/**
 * Which characters of a shell text are single-quoted, read from `from` on as the shell reads them (`'` opens and
 * closes outside double quotes, the escape character skips the next one), for increasing offsets: a variable scan
 * asks at each `$` it finds. `open` says the text starts inside a '…' carried over from an earlier line.
 */
export class SingleQuoteTracker {
  private at: number;
  private single: boolean;
  private double = false;

  constructor(private readonly text: string, private readonly esc: string, from: number, open = false) {
    this.at = from;
    this.single = open;
  }

  /** Whether `offset` is single-quoted; offsets must not decrease from one call to the next. */
  quotedAt(offset: number): boolean {
    while (this.at <= offset) {
      const i = this.at;
      const c = this.text[i];
      let quoted = false;
      this.at = i + 1;
      if (this.single) {
        quoted = true;
        if (c === "'") this.single = false;
      } else if (c === this.esc) {
        // The escaped character is skipped: never quoted.
        this.at = i + 2;
      } else if (c === '"') {
        this.double = !this.double;
      } else if (c === "'" && !this.double) {
        this.single = true;
        quoted = true;
      }
      if (i === offset) return quoted;
    }
    return false;
  }

  /** Whether a '…' is still open at `end` (after the offsets asked so far). */
  openAfter(end: number): boolean {
    if (this.at < end) this.quotedAt(end - 1);
    return this.single;
  }
}


function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
