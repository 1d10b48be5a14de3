import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/engine/applyFixes';
import { lint } from '../../server/src/engine/lint';

const DOCKERIGNORE = { dockerignore: { path: '.dockerignore', content: '.git\n' } };

/** A stage only reached through a misspelt name: no-unknown-stage-reference and no-unreachable-stage both have an unsafe fix. */
const MISSPELT_REFERENCE = [
  'FROM alpine:3.20 AS builder',
  'RUN echo hi > /out',
  '',
  'FROM alpine:3.20',
  'COPY --from=buildr /out /out',
  '',
].join('\n');

describe('applyFixes', () => {
  it('offers the two unsafe fixes that contradict each other on the misspelt reference', () => {
    const rules = lint(MISSPELT_REFERENCE, { files: DOCKERIGNORE }).problems
      .filter((p) => p.fixes.some((f) => f.safety === 'unsafe'))
      .map((p) => p.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['no-unknown-stage-reference', 'no-unreachable-stage']));
  });

  it('applies unsafe fixes one rule per pass, the most severe first, so a correction comes before a removal it makes wrong', () => {
    const result = applyFixes(MISSPELT_REFERENCE, { files: DOCKERIGNORE, unsafe: true });
    // The reference is corrected and the stage it now reaches is kept (both fixes in one pass removed the stage and
    // left `--from=builder` naming an image).
    expect(result.output).toBe(MISSPELT_REFERENCE.replace('--from=buildr', '--from=builder'));
    expect(result.remaining.map((p) => p.ruleId)).not.toContain('no-unreachable-stage');
  });

  it('applies the safe fixes before any unsafe one', () => {
    const text = ['from alpine:3.20 as builder', 'RUN echo hi > /out', 'FROM alpine:3.20', 'COPY --from=buildr /out /out', ''].join('\n');
    const safeOnly = applyFixes(text, { files: DOCKERIGNORE });
    const all = applyFixes(text, { files: DOCKERIGNORE, unsafe: true });
    expect(safeOnly.output).toBe(['FROM alpine:3.20 AS builder', 'RUN echo hi > /out', 'FROM alpine:3.20', 'COPY --from=buildr /out /out', ''].join('\n'));
    expect(all.output).toBe(safeOnly.output.replace('--from=buildr', '--from=builder'));
    expect(all.passes).toBe(safeOnly.passes + 1);
  });

  it('applies non-overlapping unsafe fixes of one rule together', () => {
    const text = ['FROM alpine:3.20 AS builder', 'RUN echo hi > /out', 'FROM alpine:3.20', 'COPY --from=buildr /out /a', 'COPY --from=buidler /out /b', ''].join('\n');
    const result = applyFixes(text, { files: DOCKERIGNORE, unsafe: true, ruleIds: ['no-unknown-stage-reference'] });
    expect(result.output).toBe(text.replace('buildr', 'builder').replace('buidler', 'builder'));
    expect(result.passes).toBe(1);
    expect(result.fixed).toBe(2);
  });

  it("applies one rule's insertions at one point in one pass, in document order", () => {
    // Twelve declarations below one FROM took twelve passes, one per pass, and the loop stopped at ten.
    const names = Array.from({ length: 12 }, (_, i) => `V${i + 1}`);
    const text = [...names.map((n) => `ARG ${n}=1`), 'FROM alpine:3.20', `RUN echo ${names.map((n) => `$${n}`).join(' ')}`, ''].join('\n');
    const result = applyFixes(text, { files: DOCKERIGNORE, ruleIds: ['global-arg-scope'] });
    expect(result.output).toBe(text.replace('FROM alpine:3.20\n', `FROM alpine:3.20\n${names.map((n) => `ARG ${n}\n`).join('')}`));
    expect(result.fixed).toBe(12);
    expect(result.passes).toBe(1);
  });

  it('leaves unsafe fixes alone without `unsafe`', () => {
    const result = applyFixes(MISSPELT_REFERENCE, { files: DOCKERIGNORE });
    expect(result.output).toBe(MISSPELT_REFERENCE);
    expect(result.fixed).toBe(0);
  });
});
