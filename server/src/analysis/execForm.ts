/**
 * JSON ("exec") form of RUN/CMD/ENTRYPOINT/HEALTHCHECK/SHELL: `["sh", "-c", "…"]`. BuildKit first joins
 * continuation lines, then tries to read the arguments as a JSON array of strings; anything else (`[ -f x ] &&
 * …`, a trailing word, a number in the array) makes it shell form. We decode the strings ourselves, keeping the
 * document offset of every decoded character, because rules report inside them (`"apt-get install …"` in a
 * `sh -c` string) and dockerfile-ast's decoded values drop the blanks inside strings.
 */
import { OffsetMappedSource, type MappedSource } from './shellSource';

export interface ExecArg {
  readonly value: string;
  /** Document offset of each character of `value`. */
  readonly offsets: readonly number[];
  /** Document offsets of the string literal, quotes included. */
  readonly start: number;
  readonly end: number;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function isJsonBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** The decoded array when `src` is exactly a JSON array of strings; undefined otherwise (shell form). */
export function parseExecForm(src: MappedSource): ExecArg[] | undefined {
  const s = src.s;
  let j = 0;
  const skip = (): void => {
    while (isJsonBlank(s[j])) j++;
  };
  skip();
  if (s[j] !== '[') return undefined;
  j++;
  skip();
  const args: ExecArg[] = [];
  if (s[j] === ']') {
    j++;
  } else {
    for (;;) {
      if (s[j] !== '"') return undefined;
      const arg = readString(src, j);
      if (!arg) return undefined;
      args.push(arg.arg);
      j = arg.next;
      skip();
      if (s[j] === ',') { j++; skip(); continue; }
      if (s[j] === ']') { j++; break; }
      return undefined;
    }
  }
  skip();
  return j >= s.length ? args : undefined;
}

function readString(src: MappedSource, open: number): { arg: ExecArg; next: number } | undefined {
  const s = src.s;
  let value = '';
  const offsets: number[] = [];
  let j = open + 1;
  while (j < s.length) {
    const c = s[j]!;
    const at = src.offset(j);
    if (c === '"') {
      return { arg: { value, offsets, start: src.offset(open), end: at + 1 }, next: j + 1 };
    }
    if (c === '\n' || c.charCodeAt(0) < 0x20) return undefined; // raw control characters are invalid JSON
    if (c === '\\') {
      const n = s[j + 1];
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
        value += String.fromCharCode(parseInt(s.slice(j + 2, j + 6), 16));
        offsets.push(at);
        j += 6;
        continue;
      }
      const mapped = n === undefined ? undefined : JSON_ESCAPES[n];
      if (mapped === undefined) return undefined;
      value += mapped;
      offsets.push(src.offset(j + 1));
      j += 2;
      continue;
    }
    value += c;
    offsets.push(at);
    j++;
  }
  return undefined;
}

const SAFE = /[A-Za-z0-9_\-./:=@%+,]/;

/**
 * A shell text that the tokenizer reads back as exactly the words of `args` (each character escaped or quoted
 * as needed), with every character mapped to the document offset of the JSON character it came from. It lets
 * the exec form go through the same parser as the shell form, `sh -c` strings included.
 */
export function execFormSource(args: readonly ExecArg[]): MappedSource {
  let s = '';
  const map: number[] = [];
  const emit = (text: string, at: number): void => {
    s += text;
    for (let k = 0; k < text.length; k++) map.push(at);
  };
  for (const [n, arg] of args.entries()) {
    if (n > 0) emit(' ', arg.start);
    if (arg.value === '') emit("''", arg.start);
    for (let k = 0; k < arg.value.length; k++) {
      const c = arg.value[k]!;
      const at = arg.offsets[k] ?? arg.start;
      if (SAFE.test(c)) emit(c, at);
      else if (c === '\n') emit("'\n'", at);
      else emit('\\' + c, at);
    }
  }
  const last = args[args.length - 1];
  return new OffsetMappedSource(s, map, last ? last.end : 0);
}
