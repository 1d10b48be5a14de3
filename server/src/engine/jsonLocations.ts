/**
 * A strict JSON parser that remembers where every value (and every object key) is, so configuration problems
 * can be reported at `file:line:column` instead of "somewhere in the file". `JSON.parse` only gives an offset
 * for syntax errors, and nothing for a valid document with a wrong value inside.
 */
import type { Range } from 'vscode-languageserver-types';

export type JsonPath = readonly (string | number)[];

export interface JsonLocation {
  /** The value's text. */
  readonly value: Range;
  /** The property name (with its quotes), for object members. */
  readonly key?: Range;
}

export interface JsonSyntaxError {
  readonly message: string;
  readonly range: Range;
}

export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown; readonly locate: (path: JsonPath) => JsonLocation | undefined; readonly duplicates: readonly { path: JsonPath; key: Range }[] }
  | { readonly ok: false; readonly error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(message: string, readonly start: number, readonly end: number) {
    super(message);
  }
}

export function parseJsonWithLocations(text: string): JsonParseResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo]! };
  };
  const range = (start: number, end: number): Range => ({ start: position(start), end: position(end) });

  const locations = new Map<string, JsonLocation>();
  const duplicates: { path: JsonPath; key: Range }[] = [];
  // A UTF-8 byte order mark is common in files written by Windows editors; it is not part of the JSON.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, start = i, end = Math.min(i + 1, text.length)): never => {
    throw new SyntaxFailure(message, start, Math.max(end, start));
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) fail('comments are not allowed in JSON', i, i + 2);
  };
  const describe = (at: number) => (at >= text.length ? 'end of file' : `'${text[at]}'`);

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('unterminated string', start, i);
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape sequence in string', i, i + 2);
        continue;
      }
      out += c;
      i++;
    }
    return fail('unterminated string', start, i);
  };

  const parseValue = (path: JsonPath, key?: Range): unknown => {
    skipSpace();
    const start = i;
    const c = text[i];
    let value: unknown;
    if (c === '{') value = parseObject(path);
    else if (c === '[') value = parseArray(path);
    else if (c === '"') value = parseString();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail(`unexpected ${describe(i)}`);
      i += m![0].length;
      value = Number(m![0]);
    } else {
      const word = /^[A-Za-z_]+/.exec(text.slice(i))?.[0];
      if (word === 'true' || word === 'false' || word === 'null') {
        i += word.length;
        value = word === 'true' ? true : word === 'false' ? false : null;
      } else if (word) fail(`unexpected '${word}' (strings must be in double quotes)`, i, i + word.length);
      else fail(c === undefined ? 'unexpected end of file, expected a value' : `unexpected ${describe(i)}, expected a value`);
    }
    locations.set(JSON.stringify(path), { value: range(start, i), ...(key ? { key } : {}) });
    return value;
  };

  const parseObject = (path: JsonPath): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma is not allowed in JSON' : `expected a property name in double quotes, found ${describe(i)}`);
      const keyStart = i;
      const name = parseString();
      const keyRange = range(keyStart, i);
      skipSpace();
      if (text[i] !== ':') fail(`expected ':' after property name, found ${describe(i)}`);
      i++;
      if (Object.prototype.hasOwnProperty.call(obj, name)) duplicates.push({ path: [...path, name], key: keyRange });
      // defineProperty: a key named "__proto__" must stay a plain property.
      Object.defineProperty(obj, name, { value: parseValue([...path, name], keyRange), enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      fail(`expected ',' or '}' after property value, found ${describe(i)}`);
    }
  };

  const parseArray = (path: JsonPath): unknown[] => {
    const arr: unknown[] = [];
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('trailing comma is not allowed in JSON');
      arr.push(parseValue([...path, arr.length]));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      fail(`expected ',' or ']' after array element, found ${describe(i)}`);
    }
  };

  try {
    const value = parseValue([]);
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return { ok: true, value, duplicates, locate: (path) => locations.get(JSON.stringify(path)) };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { message: e.message, range: range(e.start, e.end) } };
    throw e;
  }
}
