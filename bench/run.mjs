#!/usr/bin/env node
// `npm run bench`: every performance goal of stagelint, measured side by side with its peers in one run.
// Prints a table and writes bench/results.json (with the machine it ran on).
//
// Usage: node bench/run.mjs [--only throughput,latency,coldStart,memory,size] [--quick] [--no-write]
//   --quick     fewer rounds/edits (a smoke run; the numbers are noisier)
//   --no-write  print only, keep bench/results.json as it is
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildBenchBundles } from './lib/bundles.mjs';
import { corpusDir, repoRoot } from './lib/corpus.mjs';
import { machine } from './lib/machine.mjs';
import { peerVersion } from './lib/servers.mjs';
import { printTable } from './lib/table.mjs';

const SECTIONS = ['throughput', 'latency', 'coldStart', 'memory', 'size'];
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : SECTIONS;
const quick = args.includes('--quick');
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`unknown section '${name}' (known: ${SECTIONS.join(', ')})`);

const OPTIONS = {
  throughput: quick ? { rounds: 5, warmup: 2 } : { rounds: 15, warmup: 15 },
  latency: quick ? { edits: 50, warmup: 10, sessions: 1 } : { edits: 200, warmup: 20, sessions: 3 },
  coldStart: quick ? { runs: 3 } : { runs: 7 },
  memory: quick ? { documents: 100, edits: 1000 } : { documents: 500, edits: 10_000 },
  size: {},
};

// The benchmarks drive the production bundles (api.js, server.js) built from the current sources.
if (!buildBenchBundles()) process.exit(1);

const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: { ...machine(), loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) },
  corpus: corpusDir,
  peers: { 'dockerfile-language-server-nodejs': peerVersion(), 'dockerfile-utils': pkgVersion('dockerfile-utils'), 'dockerfile-ast': pkgVersion('dockerfile-ast') },
  quick,
  sections: {},
};
for (const name of only) {
  process.stderr.write(`▶ ${name}…\n`);
  const started = Date.now();
  const section = await import(`./${name}.mjs`);
  results.sections[name] = await section.run(OPTIONS[name]);
  process.stderr.write(`  ${name} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
results.goals = Object.fromEntries(Object.entries(results.sections).flatMap(([name, s]) => Object.entries(s.goals ?? {}).map(([goal, met]) => [`${name}: ${goal}`, met])));

printTable(results);
if (!args.includes('--no-write')) {
  writeFileSync(join(repoRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWritten to bench/results.json`);
}

function gitCommit() {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- server shared', { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes in server/ or shared/)` : head;
  } catch {
    return 'unknown';
  }
}

function pkgVersion(name) {
  return JSON.parse(execSync(`node -p "JSON.stringify(require('${name}/package.json'))"`, { cwd: repoRoot, encoding: 'utf8' })).version;
}
