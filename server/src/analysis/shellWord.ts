/**
 * Reading one shell word: quotes, escapes, `$'…'`, and the expansions kept verbatim inside a word (`$(…)`,
 * `${…}`, `$((…))`, backticks, extglobs, array assignments). Used by the tokenizer, and again to map the string
 * of a `sh -c '…'` back to the document character by character.
 */
export interface WordRead {
  end: number;
  value: string;
  quoted: boolean;
  expansion: boolean;
}

const EXTGLOB = new Set(['@', '*', '+', '?', '!']);
/** Characters that end a run of ordinary word characters: quotes, escapes, expansions and metacharacters. */
const WORD_SPECIAL = new Set(['\\', "'", '"', '$', '`', ' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** `WORD_SPECIAL` by character code (all are ASCII): the plain-character scan below reads every character of a script. */
const WORD_SPECIAL_CODES = new Uint8Array(128);
for (const c of WORD_SPECIAL) WORD_SPECIAL_CODES[c.charCodeAt(0)] = 1;

function isWordSpecialAt(s: string, k: number): boolean {
  const code = s.charCodeAt(k);
  return code < 128 && WORD_SPECIAL_CODES[code] === 1;
}
const ASSIGN_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;
/** A character that makes `$` an expansion (`$HOME`, `$1`, `$@`, …) rather than a literal dollar. */
const PARAMETER_START = /[A-Za-z0-9_@*#?$!-]/;

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

/** Characters that end an unquoted word. */
export function isMeta(c: string | undefined): boolean {
  return (
    c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '&' || c === '|' ||
    c === '(' || c === ')' || c === '<' || c === '>'
  );
}

/** Index after the `)` matching the `(` at `open`, skipping quotes and nested substitutions. */
export function skipParens(s: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < s.length) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === "'") j = closeSingle(s, j + 1);
    else if (c === '"') j = skipDouble(s, j + 1);
    else if (c === '`') j = skipBacktick(s, j + 1);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return s.length;
}

/** Index after the `}` matching the `{` at `open` (for `${…}`). */
function skipBraces(s: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < s.length) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === "'") j = closeSingle(s, j + 1);
    else if (c === '"') j = skipDouble(s, j + 1);
    else if (c === '$' && s[j + 1] === '(') j = skipParens(s, j + 1);
    else {
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return j + 1;
      j++;
    }
  }
  return s.length;
}

function closeSingle(s: string, from: number): number {
  const k = s.indexOf("'", from);
  return k < 0 ? s.length : k + 1;
}

function skipBacktick(s: string, from: number): number {
  let j = from;
  while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

function skipDouble(s: string, from: number): number {
  let j = from;
  while (j < s.length && s[j] !== '"') {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === '`') j = skipBacktick(s, j + 1);
    else if (c === '$' && s[j + 1] === '(') j = skipParens(s, j + 1);
    else if (c === '$' && s[j + 1] === '{') j = skipBraces(s, j + 1);
    else j++;
  }
  return Math.min(j + 1, s.length);
}

/** `$…` at `j`: index after the expansion (or after the `$` when it stands alone). */
function skipDollar(s: string, j: number): number {
  const n = s[j + 1];
  if (n === '(') return skipParens(s, j + 1);
  if (n === '{') return skipBraces(s, j + 1);
  return j + 1;
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** A fresh result for `readWord` (a tokenizer reuses one for all its words). */
export function wordRead(): WordRead {
  return { end: 0, value: '', quoted: false, expansion: false };
}

/**
 * Reads one word starting at `from` and returns its unquoted value in `out` (filled in place: no object or
 * closure per word). When `idx` is given, the logical index of every value character is pushed to it (used to
 * map a `sh -c` string back to the document).
 */
export function readWord(s: string, from: number, idx: number[] | null, out: WordRead = wordRead()): WordRead {
  out.value = '';
  out.quoted = false;
  out.expansion = false;
  let j = from;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\') {
      const n = s[j + 1];
      if (n === '\n') j += 2;
      else if (n === '\r' && s[j + 2] === '\n') j += 3;
      else if (n === undefined) { put(out, idx, '\\', j); j++; }
      else { put(out, idx, n, j + 1); out.quoted = true; j += 2; }
    } else if (c === "'") {
      const k = closeSingle(s, j + 1);
      const end = s[k - 1] === "'" && k - 1 > j ? k - 1 : k;
      put(out, idx, s.slice(j + 1, end), j + 1);
      out.quoted = true;
      j = k;
    } else if (c === '"') {
      out.quoted = true;
      j = readDouble(s, j + 1, out, idx);
    } else if (c === '$' && s[j + 1] === "'") {
      out.quoted = true;
      j = readAnsi(s, j + 2, out, idx);
    } else if (c === '$' || c === '`') {
      const k = c === '`' ? skipBacktick(s, j + 1) : skipDollar(s, j);
      if (k > j + 1 || c === '`' || PARAMETER_START.test(s[j + 1] ?? '')) out.expansion = true;
      put(out, idx, s.slice(j, k), j);
      j = k;
    } else if (c === '(' && j > from && EXTGLOB.has(s[j - 1]!)) {
      const k = skipParens(s, j); // extglob `@(a|b)`, `!(x)`
      put(out, idx, s.slice(j, k), j);
      j = k;
    } else if (c === '(' && ASSIGN_PREFIX.test(out.value) && !out.quoted) {
      const k = skipParens(s, j); // array assignment `a=(x y)`
      put(out, idx, s.slice(j, k), j);
      j = k;
    } else if (isMeta(c)) {
      break;
    } else {
      // A run of ordinary characters in one step (most of a script is plain words).
      let k = j + 1;
      while (k < s.length && !isWordSpecialAt(s, k)) k++;
      put(out, idx, s.slice(j, k), j);
      j = k;
    }
  }
  out.end = j;
  return out;
}

/** Appends `text`, read from logical index `at` on, to the word's value. */
function put(out: WordRead, idx: number[] | null, text: string, at: number): void {
  out.value += text;
  if (idx) for (let k = 0; k < text.length; k++) idx.push(at + k);
}

function readDouble(s: string, from: number, out: WordRead, idx: number[] | null): number {
  let j = from;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') {
      const n = s[j + 1];
      if (n === '\n') j += 2;
      else if (n === '$' || n === '`' || n === '"' || n === '\\') { put(out, idx, n, j + 1); j += 2; }
      else { put(out, idx, '\\', j); j++; }
    } else if (c === '$' || c === '`') {
      const k = c === '`' ? skipBacktick(s, j + 1) : skipDollar(s, j);
      if (k > j + 1 || c === '`' || PARAMETER_START.test(s[j + 1] ?? '')) out.expansion = true;
      put(out, idx, s.slice(j, k), j);
      j = k;
    } else {
      // A run of characters with no meaning inside double quotes, in one step (not a string per character).
      let k = j + 1;
      while (k < s.length && !isDoubleSpecialAt(s, k)) k++;
      put(out, idx, s.slice(j, k), j);
      j = k;
    }
  }
  return j;
}

/** `"`, `\\`, `$` and backquote: what ends a run of plain characters inside double quotes. */
function isDoubleSpecialAt(s: string, k: number): boolean {
  const code = s.charCodeAt(k);
  return code === 34 || code === 92 || code === 36 || code === 96;
}

function readAnsi(s: string, from: number, out: WordRead, idx: number[] | null): number {
  let j = from;
  while (j < s.length && s[j] !== "'") {
    if (s[j] === '\\' && j + 1 < s.length) {
      const mapped = ANSI_ESCAPES[s[j + 1]!];
      put(out, idx, mapped ?? s.slice(j, j + 2), j);
      j += 2;
    } else {
      put(out, idx, s[j]!, j);
      j++;
    }
  }
  return Math.min(j + 1, s.length);
}
