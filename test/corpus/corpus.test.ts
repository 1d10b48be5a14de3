/**
 * Every Dockerfile of the shared corpus (real files from public projects) lints without an internal error, with
 * every range inside the document, and the section A, B and C rules find exactly the reviewed number of problems
 * (test/corpus/expected-section-{a,b,c}.json; expected-extra.json for rules added after the sections): a change in
 * findings must be looked at, not slip through.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import { corpusFiles } from '../support/corpus';

const readExpected = (name: string) => JSON.parse(readFileSync(path.join(__dirname, name), 'utf8')) as Record<string, number>;
const expected = readExpected('expected-section-a.json');
const expectedB = readExpected('expected-section-b.json');
const expectedC = readExpected('expected-section-c.json');
const expectedExtra = readExpected('expected-extra.json');
const files = corpusFiles();

const SECTION_A = Object.keys(expected).sort();
const SECTION_B = Object.keys(expectedB).sort();
const SECTION_C = Object.keys(expectedC).sort();
const EXTRA = Object.keys(expectedExtra).sort();

describe('shared corpus', () => {
  it('is present', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  const counts: Record<string, number> = Object.fromEntries([...SECTION_A, ...SECTION_B, ...SECTION_C, ...EXTRA].map((id) => [id, 0]));
  for (const { name: file, text } of files) {
    it(`lints ${file}`, () => {
      const { model, problems } = lint(text, { uri: `file:///corpus/${file}`, config: { file: { extends: 'all' } } });
      const lastLine = model.document.lineCount - 1;
      for (const p of problems) {
        expect(p.messageId, p.message).not.toBe('internal-error');
        for (const pos of [p.range.start, p.range.end]) {
          expect(pos.line, `${p.ruleId} line`).toBeGreaterThanOrEqual(0);
          expect(pos.line, `${p.ruleId} line`).toBeLessThanOrEqual(lastLine);
          expect(pos.character, `${p.ruleId} character`).toBeGreaterThanOrEqual(0);
          const lineLength = model.document.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
          expect(pos.character, `${p.ruleId} character`).toBeLessThanOrEqual(lineLength);
        }
        if (p.ruleId in counts) counts[p.ruleId]!++;
      }
    });
  }

  it('finds the reviewed number of section A problems', () => {
    // Only rules that exist are compared, so the file can list rules before they land.
    const present = SECTION_A.filter((id) => allRules.some((r) => r.id === id));
    expect(Object.fromEntries(present.map((id) => [id, counts[id]]))).toEqual(Object.fromEntries(present.map((id) => [id, expected[id]])));
  });

  it('finds the reviewed number of section B problems', () => {
    const present = SECTION_B.filter((id) => allRules.some((r) => r.id === id));
    expect(Object.fromEntries(present.map((id) => [id, counts[id]]))).toEqual(Object.fromEntries(present.map((id) => [id, expectedB[id]])));
  });

  it('finds the reviewed number of problems of the rules added later', () => {
    const present = EXTRA.filter((id) => allRules.some((r) => r.id === id));
    expect(Object.fromEntries(present.map((id) => [id, counts[id]]))).toEqual(Object.fromEntries(present.map((id) => [id, expectedExtra[id]])));
  });

  it('finds the reviewed number of section C problems (no .dockerignore or file listing is known here)', () => {
    const present = SECTION_C.filter((id) => allRules.some((r) => r.id === id));
    expect(Object.fromEntries(present.map((id) => [id, counts[id]]))).toEqual(Object.fromEntries(present.map((id) => [id, expectedC[id]])));
  });
});
