/**
 * `expandedVariables` with `skip` leaves uses out before working out their ranges: what it returns must be exactly
 * the uses it returns without `skip` that `skip` does not reject, in the same order with the same ranges, on the
 * corpus, the generated benchmark file and edited copies of it; and `skip` is asked about each use outside single
 * quotes, in order.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { expandedVariables } from '../../server/src/analysis/expandedVariables';
// @ts-expect-error: a plain ES module without types
import { generateDockerfile } from '../../bench/lib/generate.mjs';
import { corpusTexts } from '../support/corpus';
import { df } from '../support/dockerfile';

type Skip = (name: string, modifier: string | undefined) => boolean;

const SKIPS: Record<string, Skip> = {
  nothing: () => false,
  everything: () => true,
  modifiers: (_name, modifier) => modifier !== undefined,
  someNames: (name) => name.length % 2 === 0 || name.startsWith('P'),
};

function check(text: string): number {
  const plain = buildModel(text);
  let compared = 0;
  for (const [label, skip] of Object.entries(SKIPS)) {
    // Separate models: the answer must not depend on what an earlier call left in a cache.
    const model = buildModel(text);
    model.instructions.forEach((instr, i) => {
      const expected = expandedVariables(plain, plain.instructions[i]!).filter((u) => !skip(u.name, u.modifier));
      expect({ label, line: instr.range.start.line, uses: expandedVariables(model, instr, skip) }).toEqual({ label, line: instr.range.start.line, uses: expected });
      compared += expected.length;
    });
  }
  return compared;
}

describe('expandedVariables with skip', () => {
  it('agrees with filtering the full answer (corpus)', () => {
    for (const text of corpusTexts()) check(text);
  });

  it('agrees with filtering the full answer (generated file and edited copies)', () => {
    const text = generateDockerfile(400) as string;
    expect(check(text)).toBeGreaterThan(50);
    const lines = text.split('\n');
    for (let k = 0; k < 20; k++) {
      const at = (k * 37) % lines.length;
      const edited = [...lines];
      edited[at] = edited[at]!.replace(/\$\{?([A-Z])/, (m) => m + 'X').replace(/=/, "='$Q' ");
      check(edited.join('\n'));
    }
  });

  it('asks about each use outside single quotes, in order', () => {
    const model = buildModel(df`
      FROM alpine
      ENV A=1 B='$NOT' C="\${A:-x}" \\
          D=$B/$C
      COPY $A /x/
    `);
    const asked: string[] = [];
    const uses = model.instructions.flatMap((i) => expandedVariables(model, i, (name, modifier) => {
      asked.push(`${name}${modifier ?? ''}`);
      return name === 'B';
    }));
    expect(asked).toEqual(['A:-', 'B', 'C', 'A']);
    expect(uses.map((u) => u.name)).toEqual(['A', 'C', 'A']);
  });
});
