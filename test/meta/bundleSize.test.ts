/**
 * Size budgets of the production bundles (`scripts/build.mjs --production`, built into a temporary folder so
 * dist/ keeps its development build). The client is loaded when a Dockerfile opens, so its size is activation
 * time; the server's is start-up time. The budgets are the sizes measured when they were set plus ~20%: a test
 * failing here means a dependency or a large table got in — check `npm run bench` (size) and the esbuild
 * metafile before raising a budget, and say why in the commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const KB = 1024;

/** Bytes; measured 2026-11: client 359 KB, server 854 KB, stage graph webview 52 KB. */
export const BUDGETS: Readonly<Record<string, number>> = {
  'client.js': 430 * KB,
  'server.js': 1025 * KB,
  'stageGraphWebview.js': 62 * KB,
};

describe('production bundle sizes', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stagelint-bundle-size-'));
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--outdir', dir], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`production build failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [bundle, budget] of Object.entries(BUDGETS)) {
    it(`${bundle} stays within ${Math.round(budget / KB)} KB`, () => {
      const bytes = statSync(join(dir, bundle)).size;
      expect(bytes, `${bundle} is ${(bytes / KB).toFixed(0)} KB`).toBeLessThanOrEqual(budget);
      // A budget far above the size hides growth: keep it within ~50% of what the bundle weighs.
      expect(bytes, `${bundle}'s budget is stale (the bundle is ${(bytes / KB).toFixed(0)} KB); lower it`).toBeGreaterThan(budget / 1.5);
    });
  }
});
