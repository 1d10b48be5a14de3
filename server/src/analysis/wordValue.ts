/**
 * The value BuildKit sees for a word of a non-shell instruction (`COPY` sources, `WORKDIR`, `EXPOSE`, ENV/LABEL
 * values): quotes removed, escapes resolved and `$VAR` expanded with the ARG/ENV scope of the instruction —
 * what BuildKit's `shell.Lex.ProcessWord` does. `known` is false when a variable's value is only known at
 * build time (an `ARG` without default, an undeclared name), so callers can stay silent instead of guessing.
 */
import { evaluateWord, type Scope } from './args';
import type { DockerfileModel, Instr } from './model';

const NO_SCOPE: Scope = new Map();

export interface WordValue {
  readonly value: string;
  /** False when a variable in the word has no value known before the build. */
  readonly known: boolean;
  /** True when the word contains a `$` expansion (known or not). */
  readonly hasVariables: boolean;
}

/** Evaluates `raw` (the word as written) for `at` (its instruction; undefined = global scope). */
export function wordValue(model: DockerfileModel, raw: string, at: Instr | undefined): WordValue {
  const esc = model.escapeChar;
  // Most words (paths, ports, names) have no `$`, quote or escape character: evaluating one gives it back as it
  // is, and building that copy character by character is most of what reading COPY sources allocated.
  if (!raw.includes('$') && !raw.includes('"') && !raw.includes("'") && !raw.includes(esc)) {
    return { value: raw, known: true, hasVariables: false };
  }
  // Only a `$` reads the scope: a word without one is evaluated against an empty scope, for the same result.
  const scope = raw.includes('$') ? model.scopeAt(at) : NO_SCOPE;
  // One pass, as the builder's word lexer does (`ENV P=C:\\go` then `WORKDIR $P` is `C:\go`, not `C:go`).
  const r = evaluateWord(raw, scope, esc);
  return { value: r.value, known: !r.dynamic && r.unresolved.length === 0, hasVariables: r.variables > 0 };
}

/** The instruction's argument text as written: from the first argument to the end of the last one. */
export function argumentText(model: DockerfileModel, instr: Instr): string {
  const first = instr.args[0];
  const last = instr.args[instr.args.length - 1];
  if (!first || !last) return '';
  return model.textOf({ start: first.range.start, end: last.range.end });
}

/**
 * Splits instruction text into words the way BuildKit's `parseWords` does for ENV/LABEL/ARG: at blanks outside
 * quotes, keeping the quotes and escapes in the words. Offsets are relative to `text`.
 */
export function splitWords(text: string, escapeChar: string): { value: string; start: number; end: number }[] {
  const words: { value: string; start: number; end: number }[] = [];
  let start = -1;
  let quote: string | undefined;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === undefined || (quote === undefined && /\s/.test(c))) {
      if (start >= 0) words.push({ value: text.slice(start, i), start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === escapeChar && quote !== "'") i++;
    else if (quote === undefined && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = undefined;
  }
  return words;
}
