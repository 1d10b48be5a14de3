// Size: the .vsix that `npm run package` makes, and the production bundles (minified, no source maps) it ships,
// measured in the package's staging folder. dist/ (the development build) is left alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './lib/corpus.mjs';
import { median } from './lib/stats.mjs';

const kb = (bytes) => Math.round(bytes / 102.4) / 10;

// Loads a bundle in a fresh Node process with a stub for the `vscode` module (the client's only external) and
// prints how long require() took: the part of activation the bundle's size decides.
const LOAD_PROBE = `
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : undefined) }) });
  return load.call(this, request, ...rest);
};
const start = process.hrtime.bigint();
require(process.argv[1]);
console.log(Number(process.hrtime.bigint() - start) / 1e6);
`;

function loadMs(file, runs = 7) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', LOAD_PROBE, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`loading ${file} failed:\n${r.stderr}`);
    samples.push(Number(r.stdout.trim()));
  }
  return Math.round(median(samples) * 10) / 10;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'stagelint-bench-size-'));
  try {
    const { packageExtension } = await import(join(repoRoot, 'scripts', 'package.mjs'));
    const stage = join(dir, 'stage');
    const vsix = packageExtension({ out: join(dir, 'stagelint.vsix'), stage, quiet: true });
    const out = join(stage, 'dist');
    const bundles = {};
    for (const name of ['client.js', 'server.js', 'stageGraphWebview.js', 'cli.js', 'api.js']) {
      const bytes = statSync(join(out, name)).size;
      bundles[name] = { KB: kb(bytes), gzipKB: kb(gzipSync(readFileSync(join(out, name))).length) };
    }
    const clientLoadMs = loadMs(join(out, 'client.js'));
    return {
      productionBundles: bundles,
      vsixKB: kb(vsix.bytes),
      clientLoadMs,
      goals: { '.vsix < 1 MB': vsix.bytes < 1024 * 1024, 'client.js loads in < 50 ms': clientLoadMs < 50 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
