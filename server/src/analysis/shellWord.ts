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

/**
 * Reads one word starting at `from` and returns its unquoted value. When `idx` is given, the logical index of
 * every value character is pushed to it (used to map a `sh -c` string back to the document).
 */
export function readWord(s: string, from: number, idx: number[] | null): WordRead {
  let value = '';
  let quoted = false;
  let expansion = false;
  let j = from;
  const put = (text: string, at: number): void => {
    value += text;
    if (idx) for (let k = 0; k < text.length; k++) idx.push(at + k);
  };
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\') {
      const n = s[j + 1];
      if (n === '\n') j += 2;
      else if (n === '\r' && s[j + 2] === '\n') j += 3;
      else if (n === undefined) { put('\\', j); j++; }
      else { put(n, j + 1); quoted = true; j += 2; }
    } else if (c === "'") {
      const k = closeSingle(s, j + 1);
      const end = s[k - 1] === "'" && k - 1 > j ? k - 1 : k;
      put(s.slice(j + 1, end), j + 1);
      quoted = true;
      j = k;
    } else if (c === '"') {
      quoted = true;
      j = readDouble(s, j + 1, put, () => (expansion = true));
    } else if (c === '$' && s[j + 1] === "'") {
      quoted = true;
      j = readAnsi(s, j + 2, put);
    } else if (c === '$' || c === '`') {
      const k = c === '`' ? skipBacktick(s, j + 1) : skipDollar(s, j);
      if (k > j + 1 || c === '`' || /[A-Za-z0-9_@*#?$!-]/.test(s[j + 1] ?? '')) expansion = true;
      put(s.slice(j, k), j);
      j = k;
    } else if (c === '(' && j > from && EXTGLOB.has(s[j - 1]!)) {
      const k = skipParens(s, j); // extglob `@(a|b)`, `!(x)`
      put(s.slice(j, k), j);
      j = k;
    } else if (c === '(' && ASSIGN_PREFIX.test(value) && !quoted) {
      const k = skipParens(s, j); // array assignment `a=(x y)`
      put(s.slice(j, k), j);
      j = k;
    } else if (isMeta(c)) {
      break;
    } else {
      // A run of ordinary characters in one step (most of a script is plain words).
      let k = j + 1;
      while (k < s.length && !isWordSpecialAt(s, k)) k++;
      put(s.slice(j, k), j);
      j = k;
    }
  }
  return { end: j, value, quoted, expansion };
}

function readDouble(
  s: string,
  from: number,
  put: (text: string, at: number) => void,
  markExpansion: () => void,
): number {
  let j = from;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') {
      const n = s[j + 1];
      if (n === '\n') j += 2;
      else if (n === '$' || n === '`' || n === '"' || n === '\\') { put(n, j + 1); j += 2; }
      else { put('\\', j); j++; }
    } else if (c === '$' || c === '`') {
      const k = c === '`' ? skipBacktick(s, j + 1) : skipDollar(s, j);
      if (k > j + 1 || c === '`' || /[A-Za-z0-9_@*#?$!-]/.test(s[j + 1] ?? '')) markExpansion();
      put(s.slice(j, k), j);
      j = k;
    } else {
      put(c, j);
      j++;
    }
  }
  return j;
}

function readAnsi(s: string, from: number, put: (text: string, at: number) => void): number {
  let j = from;
  while (j < s.length && s[j] !== "'") {
    if (s[j] === '\\' && j + 1 < s.length) {
      const mapped = ANSI_ESCAPES[s[j + 1]!];
      put(mapped ?? s.slice(j, j + 2), j);
      j += 2;
    } else {
      put(s[j]!, j);
      j++;
    }
  }
  return Math.min(j + 1, s.length);
}
