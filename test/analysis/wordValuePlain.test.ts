/**
 * `wordValue` returns a word without `$`, quotes or escape character as it is, without evaluating it: the result
 * must be what evaluating it gives, for every argument word of the corpus (both escape characters) and for random
 * words made of the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWord } from '../../server/src/analysis/args';
import { buildModel } from '../../server/src/analysis/buildModel';
import { wordValue } from '../../server/src/analysis/wordValue';
import { corpusTexts } from '../support/corpus';

function evaluated(raw: string, esc: string) {
  const r = evaluateWord(raw, new Map(), esc);
  return { value: r.value, known: !r.dynamic && r.unresolved.length === 0, hasVariables: r.variables > 0 };
}

describe('wordValue of plain words', () => {
  it('agrees with evaluating the word (corpus argument words)', () => {
    let plain = 0;
    for (const text of corpusTexts()) {
      const model = buildModel(text);
      for (const instr of model.instructions) {
        for (const token of instr.args) {
          const raw = token.value;
          if (raw.includes('$')) continue;
          if (!/["'`\\]/.test(raw)) plain++;
          expect(wordValue(model, raw, instr)).toEqual(evaluated(raw, model.escapeChar));
        }
      }
    }
    if (corpusTexts().length > 0) expect(plain).toBeGreaterThan(1000);
  });

  it('agrees with evaluating the word (random words, both escape characters)', () => {
    const alphabet = ['a', '/', '.', '-', ' ', '"', "'", '\\', '`', '{', '}', '*'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const esc of ['\\', '`']) {
      const model = buildModel(esc === '`' ? '# escape=`\nFROM scratch\nCOPY a b\n' : 'FROM scratch\nCOPY a b\n');
      const instr = model.instructions[model.instructions.length - 1]!;
      for (let k = 0; k < 3000; k++) {
        let raw = '';
        for (let n = next(8); n >= 0; n--) raw += alphabet[next(alphabet.length)];
        expect(wordValue(model, raw, instr)).toEqual(evaluated(raw, esc));
      }
    }
  });
});
