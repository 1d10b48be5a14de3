// The bundles the benchmarks drive: the production build (minified, no source maps) that the .vsix ships and the
// CLI's users run, which bench/run.mjs builds from the current sources into .cache/bench-dist/. Not dist/, the
// development build: its unminified source is about twice the size, and a server holds its source in its heap
// (with 500 open documents the development server.js measured 6 MB more RSS).
// bench/profile.mjs alone profiles dist/api.js: it needs the development build's per-module comments.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './corpus.mjs';

export const benchDist = join(repoRoot, '.cache', 'bench-dist');

/** The path of a bundle of the benchmarked build (`api.js`, `server.js`). */
export function bundle(name) {
  return join(benchDist, name);
}

/** Builds the production bundles into `benchDist`; false (esbuild's errors already printed) when that failed. */
export function buildBenchBundles() {
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production', '--outdir', benchDist], { cwd: repoRoot, stdio: 'inherit' });
  return build.status === 0;
}
