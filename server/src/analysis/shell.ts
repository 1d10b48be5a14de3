/**
 * The shell layer of the model: `parseShell` turns the text of a RUN (or CMD/ENTRYPOINT/HEALTHCHECK) into a flat
 * list of simple commands, each with its words, leading `NAME=value` assignments, redirections, the operator
 * joining it to the previous command and the compound constructs around it. It is deliberately not a full
 * shell grammar: rules ask "which commands run, with which words, joined how", and that has to work on every
 * Dockerfile in the wild, including broken ones, so the parser recovers from anything and never throws.
 *
 * Words carry document offsets (`start`/`end`), so a rule can report on `apt-get install` inside a ten-line RUN.
 * `sh -c '…'` / `bash -c "…"` strings are parsed too; their commands follow the `sh` command in the list, with
 * `parent` pointing at it and offsets mapped through the quotes and escapes back into the document.
 *
 * The parser itself is `shellParser.ts`; the query helpers (`commandName`, `findCommands`, `hasOption`, …) live in
 * `shellQuery.ts` and are re-exported.
 */
import { ScratchList } from './scratchList';
import { parseInto } from './shellParser';
import { dockerfileSource, plainSource, type MappedSource } from './shellSource';
import type { ParseShellOptions, ShellCommand, ShellScript } from './shellTypes';

export * from './shellQuery';
export type * from './shellTypes';
export type { EscapeChar } from './shellSource';

export function parseShell(text: string, options: ParseShellOptions = {}): ShellScript {
  const start = clamp(options.start ?? 0, 0, text.length);
  const end = clamp(options.end ?? text.length, start, text.length);
  const src =
    options.mode === 'shell'
      ? plainSource(text, start, end)
      : dockerfileSource(text, start, end, options.escapeChar ?? '\\');
  return parseMappedShell(text, src);
}

/** Parses an already prepared logical text (see `shellSource.ts`, `execForm.ts`) whose map points into `text`. */
export function parseMappedShell(text: string, src: MappedSource): ShellScript {
  let commands: ShellCommand[];
  try {
    parseInto(text, src, undefined, 0, found);
  } catch {
    // Defensive: the parser is written not to throw; if it ever does, keep what was found so far.
  } finally {
    commands = found.copy();
    found.clear();
  }
  return { text, commands };
}

/**
 * The commands of the parse under way, copied out at their final size when it ends. Parses do not overlap: a
 * `sh -c` string is parsed into the same list, during its command's parse.
 */
const found = new ScratchList<ShellCommand>();

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}
