import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../server/src/analysis/boundedDistance';

/** The reference: the full optimal-string-alignment matrix (insertions, deletions, substitutions, adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('boundedDistance', () => {
  it('gives the distance up to the limit and limit + 1 beyond it', () => {
    expect(boundedDistance('builder', 'builder', 2)).toBe(0);
    expect(boundedDistance('buidler', 'builder', 2)).toBe(1); // transposition
    expect(boundedDistance('bilder', 'builder', 2)).toBe(1);
    expect(boundedDistance('bast', 'test', 2)).toBe(2);
    expect(boundedDistance('bast', 'test', 1)).toBe(2);
    expect(boundedDistance('base', 'test', 2)).toBe(3);
    expect(boundedDistance('runtime', 'builder', 2)).toBe(3);
    expect(boundedDistance('', 'ab', 2)).toBe(2);
    expect(boundedDistance('a', 'abcd', 2)).toBe(3);
  });

  it('agrees with editDistance, capped at the limit, on random names', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (): string => Array.from({ length: next(9) }, () => 'abcde'[next(5)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      // Often a small edit of `a`, so that distances 0–3 all occur.
      const b = next(2) ? a.slice(0, next(a.length + 1)) + 'abcde'[next(5)] + a.slice(next(a.length + 1)) : word();
      for (const limit of [0, 1, 2, 3]) {
        expect(boundedDistance(a, b, limit), `${a} / ${b} / ${limit}`).toBe(Math.min(editDistance(a, b), limit + 1));
      }
    }
  });
});
