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
    if (dollar < 0 || dollar >= line.contentEnd) {
      // No use on this line: only whether a '…' stays open matters (no segment copy, no mask).
      if (shell) singleQuoted = singleQuoteOpenAfter(line.text, from, line.contentEnd, model.escapeChar, singleQuoted);
      continue;
    }
    const segment = line.text.slice(from, line.contentEnd);
    // In a shell, '…' keeps `$` literal (awk and sed scripts): skip what is single-quoted.
    const mask: { quoted: boolean[]; open: boolean } | undefined = shell ? quoteMask(segment, model.escapeChar, singleQuoted) : undefined;
    if (mask) singleQuoted = mask.open;
    for (const use of findVariables(segment, model.escapeChar)) {
      if (mask?.quoted[use.start]) continue;
      refs.push({ name: use.name, range: lineRange(line.line, from + use.start, from + use.end) });
    }
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

/** For each offset of `text`: true inside '…' (outside double quotes), where a shell or BuildKit keeps `$` literal. */
export function quoteMask(text: string, esc: string, startOpen: boolean): { quoted: boolean[]; open: boolean } {
  const quoted: boolean[] = new Array<boolean>(text.length).fill(false);
  let single = startOpen;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (single) {
      quoted[i] = true;
      if (c === "'") single = false;
    } else if (c === esc) {
      i++;
    } else if (c === '"') {
      double = !double;
    } else if (c === "'" && !double) {
      single = true;
      quoted[i] = true;
    }
  }
  return { quoted, open: single };
}

/**
 * `quoteMask(text.slice(from), esc, false).quoted[offset - from]` for increasing offsets, without building the
 * mask: a variable scan asks at each `$` it finds, and the mask was an array as long as the text.
 */
export class SingleQuoteTracker {
  private at: number;
  private single = false;
  private double = false;

  constructor(private readonly text: string, private readonly esc: string, from: number) {
    this.at = from;
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
}

/** `quoteMask(text.slice(from, end), esc, startOpen).open`, without building the mask. */
function singleQuoteOpenAfter(text: string, from: number, end: number, esc: string, startOpen: boolean): boolean {
  let single = startOpen;
  let double = false;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (single) {
      if (c === "'") single = false;
    } else if (c === esc) {
      i++;
    } else if (c === '"') {
      double = !double;
    } else if (c === "'" && !double) {
      single = true;
    }
  }
  return single;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
