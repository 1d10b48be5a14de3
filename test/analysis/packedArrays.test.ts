// The model's lists have the same elements kind whichever tier built them (server/src/analysis/packedArrays.ts): a
// holey list from an optimised buildModel made every rule optimised on packed ones deoptimise and compile again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { mapPacked } from '../../server/src/analysis/packedArrays';

const dir = mkdtempSync(join(tmpdir(), 'stagelint-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function probe(text: string, rounds: number): { optimized: boolean; holey: string[] } {
  const outfile = join(dir, 'probe.cjs');
  buildSync({ entryPoints: [join(__dirname, 'support', 'packedProbe.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', outfile, text, String(rounds)], { encoding: 'utf8' }));
}

describe('mapPacked', () => {
  it('maps in order with the index', () => {
    expect(mapPacked(['a', 'b', 'c'], (s, i) => `${s}${i}`)).toEqual(['a0', 'b1', 'c2']);
    expect(mapPacked([], () => 1)).toEqual([]);
  });
});

describe('model lists in every V8 tier', () => {
  it('stay packed once V8 has optimised buildModel', () => {
    const text = [
      'FROM node:20 AS build',
      'COPY --chown=node:node package.json ./',
      'RUN --mount=type=cache,target=/root/.npm npm ci',
      'FROM gcr.io/distroless/nodejs20',
      'COPY --from=build /app /app',
      'CMD ["app.js"]',
    ].join('\n');
    // Linting the corpus made V8 optimise buildModel after ~2,000 models; before packedArrays.ts the lists turned
    // holey at about the same point.
    const result = probe(text, 2_000);
    // Without the optimised tier the run would have compared the interpreter with itself.
    expect(result.optimized).toBe(true);
    expect(result.holey).toEqual([]);
  }, 60_000);
});
