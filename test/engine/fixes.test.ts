import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { keywordLike } from '../../server/src/engine/fixes';

describe('keywordLike', () => {
  it('writes a keyword in the casing of the instruction it goes next to', () => {
    const m = buildModel('from alpine\nRUN true\nFrom scratch\n');
    const [lower, upper, mixed] = m.instructions;
    expect(keywordLike(lower!, 'AS')).toBe('as');
    expect(keywordLike(upper!, 'LABEL')).toBe('LABEL');
    expect(keywordLike(mixed!, 'ARG')).toBe('ARG');
  });
});
