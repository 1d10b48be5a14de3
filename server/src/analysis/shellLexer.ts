/**
 * A tolerant POSIX/bash tokenizer over a `MappedSource`. It knows words (with quotes, escapes, `$(…)`, `${…}`,
 * backticks and `$'…'` kept inside the word), operators, redirections (with their target word), comments and
 * here-documents (whose bodies are skipped). It never throws: an unterminated quote or substitution simply runs
 * to the end of the input. Positions are indices into the logical text (`src.s`); the parser maps them back.
 * The parser pulls tokens one at a time (`ShellLexer.next`).
 */
import { endOffsetAt, offsetAt, type MappedSource } from './shellSource';
import type { ShellWord } from './shellTypes';
import { isBlank, isMeta, readWord, skipParens, wordRead } from './shellWord';

/**
 * A word token, which is also the `ShellWord` the parser hands out (one object per word, not a token and a copy).
 * Its positions in the logical text are not kept in it: the lexer tells them for the token it has just read
 * (`ShellLexer.a`/`b`), which is when the parser needs them, and a word costs two fields less. Only `ShellWord`'s
 * fields are visible, so words compare equal to words and print as before. `raw` is read from the document when asked: few rules want
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

  /** The word `value` written at `src.s[a, b)`; `text` is the document `src` maps into. */
  constructor(text: string, src: MappedSource, a: number, b: number, value: string, quoted: boolean, expansion: boolean) {
    this.value = value;
    this.start = offsetAt(src, a);
    this.end = endOffsetAt(src, b);
    this.quoted = quoted;
    this.expansion = expansion;
    this.#text = text;
  }

  get raw(): string {
    // A copy made from the prototype (a test's diff printer) has no text of its own.
    return #text in this ? this.#text.slice(this.start, this.end) : '';
  }

  /** `(( … ))` arithmetic command. */
  static isArith(w: WordTok): boolean {
    return w instanceof ArithWordTok;
  }
}

/** An `(( … ))` arithmetic command: a word of its own class rather than a flag in every word. */
class ArithWordTok extends WordTok {}

/**
 * An operator token. The lexer hands out one such object, rewritten for every operator: the parser reads an
 * operator when it gets it and never keeps it (an object per `&&` was a tenth of what a parse allocated).
 */
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
/** A descriptor before a redirection: `2` in `2>&1`, `{fd}` in `{fd}>x`. */
const FD_WORD = /^(\d+|\{[A-Za-z_][A-Za-z0-9_]*\})$/;
const LEADING_TABS = /^\t+/;

/** The first of `list` written at `s[j]` (a loop rather than `find`: asked at every operator character). */
function startingAt<T extends string>(list: readonly T[], s: string, j: number): T | undefined {
  for (const x of list) if (s.startsWith(x, j)) return x;
  return undefined;
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** The mutable operator token of a lexer. */
interface OpSlot {
  kind: 'op';
  a: number;
  b: number;
  op: string;
}

/**
 * Reads the logical text token by token (`next`), as the parser asks: no list of every token of a script is
 * built first.
 */
export class ShellLexer {
  private j = 0;
  /** Here-documents opened on the current line, whose bodies follow its newline (made at the first `<<`). */
  private heredocs: PendingHeredoc[] | undefined;
  /** One result object for every word read here (its fields are copied into the token). */
  private readonly read = wordRead();
  private readonly opTok: OpSlot = { kind: 'op', a: 0, b: 0, op: '' };
  /** Where the token `next` returned last starts and ends in the logical text (a redirection: with its target). */
  a = 0;
  b = 0;
  private text = '';
  private src: MappedSource | undefined;

  /** Starts reading `src` (a lexer is reused by the parser that owns it). */
  reset(text: string, src: MappedSource): this {
    this.text = text;
    this.src = src;
    this.j = 0;
    this.heredocs = undefined;
    // The last word read is part of the last text (the parser resets its lexer to nothing after a parse).
    this.read.value = '';
    return this;
  }

  /** The next token, or undefined at the end of the text. */
  next(): Tok | undefined {
    const text = this.text;
    const src = this.src;
    if (!src) return undefined;
    const s = src.s;
    let j = this.j;
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
        const pending = this.heredocs;
        this.j = pending?.length ? skipHeredocBodies(s, j + 1, pending.splice(0)) : j + 1;
        return this.op(j, j + 1, '\n');
      }
      if (c === '(' && s[j + 1] === '(') {
        const k = skipParens(s, j);
        if (s[k - 1] === ')' && s[k - 2] === ')' && skipParens(s, j + 1) === k - 1) {
          this.at(j, k);
          return new ArithWordTok(text, src, j, k, s.slice(j, k), true, true);
        }
      }
      if ((c === '<' || c === '>') && s[j + 1] === '(') {
        const k = skipParens(s, j + 1); // process substitution: one word
        this.at(j, k);
        return new WordTok(text, src, j, k, s.slice(j, k), true, true);
      }
      if (OP_START.has(c)) {
        const redir = startingAt(REDIRS, s, j);
        if (redir) return this.redirect(j, j, redir, undefined);
        const op = startingAt(OPS, s, j);
        if (op) {
          this.j = j + op.length;
          return this.op(j, j + op.length, op);
        }
      }
      const w = readWord(s, j, null, this.read);
      const next = s[w.end];
      if ((next === '<' || next === '>') && !w.quoted && FD_WORD.test(w.value)) {
        const r = REDIRS.find((x) => s.startsWith(x, w.end) && !x.startsWith('&'));
        if (r) return this.redirect(j, w.end, r, w.value);
      }
      if (w.end === j) { j++; continue; } // defensive: never loop without progress
      this.at(j, w.end);
      return new WordTok(text, src, j, w.end, w.value, w.quoted, w.expansion);
    }
    this.j = j;
    return undefined;
  }

  /** A word read from `a` to `b`: the next token starts after it. */
  private at(a: number, b: number): void {
    this.a = a;
    this.b = b;
    this.j = b;
  }

  private op(a: number, b: number, op: string): OpTok {
    this.a = a;
    this.b = b;
    const t = this.opTok;
    t.a = a;
    t.b = b;
    t.op = op;
    return t;
  }

  private redirect(start: number, opAt: number, op: string, fd: string | undefined): RedirTok {
    const src = this.src!;
    const s = src.s;
    let j = opAt + op.length;
    while (j < s.length && (isBlank(s[j]) || (s[j] === '\\' && s[j + 1] === '\n'))) j += isBlank(s[j]) ? 1 : 2;
    let target: WordTok | undefined;
    let end = opAt + op.length;
    if (j < s.length && !isMeta(s[j]) && s[j] !== '#') {
      const w = readWord(s, j, null);
      if (w.end > j) {
        target = new WordTok(this.text, src, j, w.end, w.value, w.quoted, w.expansion);
        j = w.end;
        end = w.end;
      }
    }
    if ((op === '<<' || op === '<<-') && target) (this.heredocs ??= []).push({ delimiter: target.value, stripTabs: op === '<<-' });
    this.j = j;
    this.a = start;
    this.b = end;
    return { kind: 'redir', a: start, b: end, op, fd, target };
  }
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
      if (h.stripTabs) line = line.replace(LEADING_TABS, '');
      j = lineEnd + 1;
      if (line === h.delimiter) break;
    }
  }
  return Math.min(j, s.length);
}
