#!/usr/bin/env node
// `npm run fuzz`: the long fuzzing run (100,000 inputs by default). test/fuzz/longRun.ts is bundled with esbuild
// into a temporary folder and run with Node; options are passed through (--runs N, --seed S, --no-write).
// The bounded run of the same fuzzer is part of `npm test` (test/fuzz/fuzz.test.ts).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'stagelint-fuzz-'));
try {
  const outfile = join(dir, 'fuzz.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'fuzz', 'longRun.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...process.env, STAGELINT_ROOT: root } });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
