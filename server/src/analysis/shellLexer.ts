/**
 * A tolerant POSIX/bash tokenizer over a `MappedSource`. It knows words (with quotes, escapes, `$(…)`, `${…}`,
 * backticks and `$'…'` kept inside the word), operators, redirections (with their target word), comments and
 * here-documents (whose bodies are skipped). It never throws: an unterminated quote or substitution simply runs
 * to the end of the input. Positions are indices into the logical text (`src.s`); the parser maps them back.
 */
import { endOffsetAt, offsetAt, type MappedSource } from './shellSource';
import type { ShellWord } from './shellTypes';
import { isBlank, isMeta, readWord, skipParens, wordRead } from './shellWord';

/**
 * A word token, which is also the `ShellWord` the parser hands out (one object per word, not a token and a copy).
 * Its positions in the logical text are private to the shell layer: only `ShellWord`'s fields are visible, so
 * words compare equal to words and print as before. `raw` is read from the document when asked: few rules want
 * it, and slicing it for every word was a good part of what a parse allocated. Being a getter, `raw` is not an
 * own property: plain objects match words with `toMatchObject`, and JSON leaves `raw` out.
 */
export class WordTok implements ShellWord {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  readonly expansion: boolean;
  readonly #text: string;
  readonly #a: number;
  readonly #b: number;
  readonly #arith: boolean;

  /** The word `value` written at `src.s[a, b)`; `text` is the document `src` maps into. */
  constructor(text: string, src: MappedSource, a: number, b: number, value: string, quoted: boolean, expansion: boolean, arith = false) {
    this.value = value;
    this.start = offsetAt(src, a);
    this.end = endOffsetAt(src, b);
    this.quoted = quoted;
    this.expansion = expansion;
    this.#text = text;
    this.#a = a;
    this.#b = b;
    this.#arith = arith;
  }

  get raw(): string {
    // A copy made from the prototype (a test's diff printer) has no text of its own.
    return #text in this ? this.#text.slice(this.start, this.end) : '';
  }

  /** Index in the logical text where `w` starts. */
  static startIndex(w: WordTok): number {
    return w.#a;
  }

  /** Index in the logical text just after `w`. */
  static endIndex(w: WordTok): number {
    return w.#b;
  }

  /** `(( … ))` arithmetic command. */
  static isArith(w: WordTok): boolean {
    return w.#arith;
  }
}

export interface OpTok {
  readonly kind: 'op';
  readonly a: number;
  readonly b: number;
  /** `&&`, `||`, `|`, `|&`, `;`, `;;`, `;&`, `;;&`, `&`, `(`, `)`, or `\n`. */
  readonly op: string;
}

export interface RedirTok {
  readonly kind: 'redir';
  readonly a: number;
  readonly b: number;
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `<>`, `>|`, `>&`, `<&`, `&>`, `&>>`. */
  readonly op: string;
  /** Explicit descriptor (`2` in `2>&1`, `{fd}` in `{fd}>x`). */
  readonly fd: string | undefined;
  readonly target: WordTok | undefined;
}

export type Tok = WordTok | OpTok | RedirTok;

const OPS = ['&&', '||', ';;&', ';;', ';&', ';', '|&', '|', '&', '(', ')'];
const REDIRS = ['&>>', '&>', '<<<', '<<-', '<<', '<&', '<>', '>>', '>&', '>|', '<', '>'];
const OP_START = new Set(['&', '|', ';', '(', ')', '<', '>']);

/** The first of `list` written at `s[j]` (a loop rather than `find`: asked at every operator character). */
function startingAt<T extends string>(list: readonly T[], s: string, j: number): T | undefined {
  for (const x of list) if (s.startsWith(x, j)) return x;
  return undefined;
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** Splits the logical text into tokens. */
export function tokenize(text: string, src: MappedSource): Tok[] {
  const s = src.s;
  const toks: Tok[] = [];
  const heredocs: PendingHeredoc[] = [];
  // One result object for every word read here (its fields are copied into the token).
  const read = wordRead();
  let j = 0;
  while (j < s.length) {
    const c = s[j]!;
    if (isBlank(c)) { j++; continue; }
    if (c === '\\' && s[j + 1] === '\n') { j += 2; continue; }
    if (c === '#') {
      const k = s.indexOf('\n', j);
      j = k < 0 ? s.length : k;
      continue;
    }
    if (c === '\n') {
      toks.push({ kind: 'op', a: j, b: j + 1, op: '\n' });
      j = heredocs.length ? skipHeredocBodies(s, j + 1, heredocs.splice(0)) : j + 1;
      continue;
    }
    if (c === '(' && s[j + 1] === '(') {
      const k = skipParens(s, j);
      if (s[k - 1] === ')' && s[k - 2] === ')' && skipParens(s, j + 1) === k - 1) {
        toks.push(new WordTok(text, src, j, k, s.slice(j, k), true, true, true));
        j = k;
        continue;
      }
    }
    if ((c === '<' || c === '>') && s[j + 1] === '(') {
      const k = skipParens(s, j + 1); // process substitution: one word
      toks.push(new WordTok(text, src, j, k, s.slice(j, k), true, true));
      j = k;
      continue;
    }
    if (OP_START.has(c)) {
      const redir = startingAt(REDIRS, s, j);
      if (redir) {
        j = readRedirect(text, src, j, j, redir, undefined, toks, heredocs);
        continue;
      }
      const op = startingAt(OPS, s, j);
      if (op) {
        toks.push({ kind: 'op', a: j, b: j + op.length, op });
        j += op.length;
        continue;
      }
    }
    const w = readWord(s, j, null, read);
    const next = s[w.end];
    if ((next === '<' || next === '>') && !w.quoted && /^(\d+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(w.value)) {
      const r = REDIRS.find((x) => s.startsWith(x, w.end) && !x.startsWith('&'));
      if (r) {
        j = readRedirect(text, src, j, w.end, r, w.value, toks, heredocs);
        continue;
      }
    }
    if (w.end === j) { j++; continue; } // defensive: never loop without progress
    toks.push(new WordTok(text, src, j, w.end, w.value, w.quoted, w.expansion));
    j = w.end;
  }
  return toks;
}

function readRedirect(
  text: string,
  src: MappedSource,
  start: number,
  opAt: number,
  op: string,
  fd: string | undefined,
  toks: Tok[],
  heredocs: PendingHeredoc[],
): number {
  const s = src.s;
  let j = opAt + op.length;
  while (j < s.length && (isBlank(s[j]) || (s[j] === '\\' && s[j + 1] === '\n'))) j += isBlank(s[j]) ? 1 : 2;
  let target: WordTok | undefined;
  if (j < s.length && !isMeta(s[j]) && s[j] !== '#') {
    const w = readWord(s, j, null);
    if (w.end > j) {
      target = new WordTok(text, src, j, w.end, w.value, w.quoted, w.expansion);
      j = w.end;
    }
  }
  if ((op === '<<' || op === '<<-') && target) heredocs.push({ delimiter: target.value, stripTabs: op === '<<-' });
  toks.push({ kind: 'redir', a: start, b: target ? WordTok.endIndex(target) : opAt + op.length, op, fd, target });
  return j;
}

/** Skips the bodies of the here-documents opened on the line that just ended. */
function skipHeredocBodies(s: string, from: number, pending: PendingHeredoc[]): number {
  let j = from;
  for (const h of pending) {
    while (j < s.length) {
      let lineEnd = s.indexOf('\n', j);
      if (lineEnd < 0) lineEnd = s.length;
      let line = s.slice(j, lineEnd);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (h.stripTabs) line = line.replace(/^\t+/, '');
      j = lineEnd + 1;
      if (line === h.delimiter) break;
    }
  }
  return Math.min(j, s.length);
}
