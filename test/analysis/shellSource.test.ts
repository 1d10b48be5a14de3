/**
 * `dockerfileSource` keeps one map entry per run of copied text (a joined line), not one per character. These
 * tests hold it to a per-character map built the straightforward way: the same logical text and the same
 * document offset for every index, on the corpus's shell-form instructions and on edited copies of them.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { parseShell } from '../../server/src/analysis/shell';
import { continuationAt, dockerfileSource, endOffsetAt, offsetAt, plainSource, type EscapeChar, type MappedSource } from '../../server/src/analysis/shellSource';
import { corpusTexts } from '../support/corpus';

const texts = corpusTexts();

/** The logical text and one document offset per character (plus the end), built line by line. */
function referenceSource(text: string, start: number, end: number, escapeChar: EscapeChar): { s: string; map: number[] } {
  const escape = escapeChar.charCodeAt(0);
  const blank = (c: number) => c === 32 || c === 9 || c === 13;
  let s = '';
  const map: number[] = [];
  let lineStart = start;
  let continuing = false;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let j = lineStart;
    while (j < lineEnd && blank(text.charCodeAt(j))) j++;
    if (continuing && (j === lineEnd || text[j] === '#')) {
      lineStart = lineEnd + 1;
      continue;
    }
    const cont = continuationAt(text, lineStart, lineEnd, escape);
    const keepEnd = cont >= 0 ? cont : lineEnd;
    for (let i = lineStart; i < keepEnd; i++) { s += text[i]; map.push(i); }
    if (cont < 0 && lineEnd < end) { s += '\n'; map.push(lineEnd); }
    continuing = cont >= 0;
    lineStart = lineEnd + 1;
  }
  let e = end;
  while (e > start && (blank(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 10)) e--;
  if (e > start && text.charCodeAt(e - 1) === escape) e--;
  map.push(e);
  return { s, map };
}

function expectSameMap(src: MappedSource, ref: { s: string; map: number[] }, label: string): void {
  expect(src.s, label).toBe(ref.s);
  const n = ref.s.length;
  for (let i = -1; i <= n + 1; i++) {
    const at = i <= 0 ? ref.map[0]! : i >= n ? ref.map[n]! : ref.map[i]!;
    const endAt = i <= 0 ? ref.map[0]! : i > n ? ref.map[n]! : ref.map[i - 1]! + 1;
    if (offsetAt(src, i) !== at || endOffsetAt(src, i) !== endAt) {
      expect([offsetAt(src, i), endOffsetAt(src, i)], `${label} at ${i}`).toEqual([at, endAt]);
    }
  }
}

/** Regions as runScripts reads them: from after the keyword to the end of each instruction, and to the end of the file. */
function regions(text: string): [number, number][] {
  const model = buildModel(text, {});
  const out: [number, number][] = [];
  for (const i of model.instructions) {
    const first = i.args[0];
    if (!first) continue;
    const start = model.document.offsetAt(first.range.start);
    out.push([start, model.document.offsetAt(i.range.end)], [start, text.length]);
  }
  return out;
}

describe('dockerfileSource', () => {
  it('maps the corpus instructions like a per-character map', () => {
    let checked = 0;
    for (const text of texts) {
      for (const [start, end] of regions(text)) {
        expectSameMap(dockerfileSource(text, start, end, '\\'), referenceSource(text, start, end, '\\'), `${start}-${end}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('maps edited copies (continuations, blank and comment lines, backtick escapes) like a per-character map', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const inserts = ['\\\n', '\\ \n', '\n', '\n#c\n', '\n   \n', '`\n', '\\\\\n', '\r\n', ' \\', '\\'];
    for (const text of texts.slice(0, 80)) {
      for (let k = 0; k < 5; k++) {
        const at = rnd(text.length);
        const edited = text.slice(0, at) + inserts[rnd(inserts.length)] + text.slice(at);
        for (const escape of ['\\', '`'] as const) {
          for (const [start, end] of regions(edited).slice(0, 40)) {
            expectSameMap(dockerfileSource(edited, start, end, escape), referenceSource(edited, start, end, escape), `${escape} ${start}-${end}`);
          }
        }
      }
    }
  });

  it('maps a region of one line, an empty region, an inverted region (as the empty one at its start) and a plain region', () => {
    const text = 'RUN echo hi  \nRUN a \\\n\n  # x\n  b \\\n';
    expectSameMap(dockerfileSource(text, 4, 13, '\\'), referenceSource(text, 4, 13, '\\'), 'one line');
    expectSameMap(dockerfileSource(text, 4, 4, '\\'), referenceSource(text, 4, 4, '\\'), 'empty');
    expectSameMap(dockerfileSource(text, 13, 4, '\\'), referenceSource(text, 13, 13, '\\'), 'inverted');
    expectSameMap(dockerfileSource(text, 13, 12, '\\'), referenceSource(text, 13, 13, '\\'), 'inverted by one');
    expectSameMap(dockerfileSource(text, 18, text.length, '\\'), referenceSource(text, 18, text.length, '\\'), 'dangling escape');
    const plain = plainSource(text, 4, 20);
    expect(plain.s).toBe(text.slice(4, 20));
    for (let i = 0; i < 16; i++) expect(offsetAt(plain, i)).toBe(4 + i);
    expect(offsetAt(plain, 16)).toBe(20);
  });
});

describe('shell words', () => {
  it('read raw from the document, compare equal to the words of another parse and match plain objects', () => {
    const text = 'apt-get install -y "curl" \\\n  g\\\nit';
    const words = parseShell(text).commands[0]!.words;
    expect(words.map((w) => w.raw)).toEqual(['apt-get', 'install', '-y', '"curl"', 'g\\\nit']);
    expect(words[3]).toMatchObject({ value: 'curl', raw: '"curl"', start: 19, end: 25, quoted: true, expansion: false });
    expect(parseShell(text).commands[0]!.words).toEqual(words);
    expect(parseShell(text.replace('curl', 'wget')).commands[0]!.words).not.toEqual(words);
    expect(parseShell('x' + text, { start: 1 }).commands[0]!.words).not.toEqual(words);
  });
});
