// Rules skip instructions that mentions() says contain none of the texts occurrences() found: both must agree
// with reading each instruction's lines (heredoc bodies and continuation lines included).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { mentions, occurrences } from '../../server/src/analysis/lineMentions';
import type { DockerfileModel, Instr } from '../../server/src/analysis/model';
import { corpusTexts } from '../support/corpus';

const corpus = corpusTexts();

/** The reference: some line of the instruction or of a heredoc body contains a needle. */
function naive(model: DockerfileModel, instr: Instr, needles: readonly string[]): boolean {
  let last = instr.range.end.line;
  for (const h of instr.heredocs) if (h.contentRange) last = Math.max(last, h.contentRange.end.line);
  const lines = model.text.split(/\r\n|\r|\n/);
  for (let l = instr.range.start.line; l <= last; l++) if (needles.some((n) => n !== '' && lines[l]?.includes(n))) return true;
  return false;
}

const samples = [
  'ARG V=1 W\nFROM alpine\nENV A=1 \\\n  B=$V\n# W in a comment\nRUN <<EOF\nline\necho $W\nEOF\nCOPY a b # c\n',
  'FROM alpine\r\nRUN echo \\\r\n  #\r\n  x\rLABEL a=#\n',
  'FROM x\n',
  '',
];

describe('occurrences and mentions', () => {
  it('agree with reading the lines of every instruction', () => {
    const texts = [...samples, ...corpus.slice(0, 80)];
    for (const text of texts) {
      const model = buildModel(text, {});
      for (const needles of [['#'], ['V', 'W'], ['$'], ['ARG'], ['zzz-not-there'], ['']]) {
        const offsets = occurrences(model, needles);
        expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
        for (const instr of model.instructions) {
          expect(mentions(model, offsets, instr), JSON.stringify({ needles, line: instr.range.start.line })).toBe(naive(model, instr, needles));
        }
      }
    }
  });
});
