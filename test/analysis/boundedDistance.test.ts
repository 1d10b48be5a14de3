import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../server/src/analysis/boundedDistance';
import { editDistance } from '../../server/src/engine/config';

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
