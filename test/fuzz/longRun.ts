/**
 * `npm run fuzz` (through scripts/fuzz.mjs, which bundles this file): the long fuzzing run. Prints progress,
 * shrinks every failure to a small input and writes it to test/fuzz/crashers/, where the bounded test in
 * `npm test` checks it from then on. Writes a summary with the machine to bench/fuzz-results.json.
 *
 * Options: --runs N (100000), --seed S (from the clock; printed, so a run can be repeated), --no-write.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { checkInput } from './check';
import { fuzz } from './fuzzer';
import { minimize } from './minimize';

const root = resolve(process.env.STAGELINT_ROOT ?? process.cwd());
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('--runs') ?? 100_000);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const write = !args.includes('--no-write');

const corpusDir = resolve(root, '..', 'shared', 'corpus');
// Every file but the corpus's index and README, as test/support/corpus.ts reads it (that module finds the corpus
// from its own directory, which this file, bundled elsewhere, cannot).
const corpus = readdirSync(corpusDir).filter((n) => n !== 'INDEX.tsv' && !n.endsWith('.md')).sort().map((n) => readFileSync(join(corpusDir, n), 'utf8'));
const cpuModel = (() => {
  try {
    return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
})();

console.log(`fuzzing ${runs.toLocaleString('en')} inputs, seed ${seed} (repeat with --seed ${seed}), corpus of ${corpus.length} files`);
const started = Date.now();
let lastReport = 0;
const result = fuzz({
  corpus,
  runs,
  seed,
  chunk: 1000,
  maxFailures: 50,
  onProgress: (done, failures) => {
    const now = Date.now();
    if (now - lastReport < 5000 && done < runs) return;
    lastReport = now;
    const rate = done / ((now - started) / 1000);
    const eta = (runs - done) / rate;
    console.log(`${done.toLocaleString('en').padStart(9)} / ${runs.toLocaleString('en')}  ${failures} failures  ${rate.toFixed(0)} inputs/s  ETA ${Math.ceil(eta / 60)} min`);
  },
});
const seconds = (Date.now() - started) / 1000;

const kept: string[] = [];
for (const failure of result.failures) {
  const kinds = new Set(failure.failures.map((f) => f.detail.split(':')[0]));
  const small = minimize(failure.input, (candidate) => checkInput(candidate).some((f) => kinds.has(f.detail.split(':')[0])));
  const name = `found-${createHash('sha1').update(small).digest('hex').slice(0, 10)}.Dockerfile`;
  console.log(`\n✗ seed ${failure.seed}: ${failure.failures.map((f) => `${f.kind}: ${f.detail}`).join('\n    ')}\n  minimal input ${JSON.stringify(small)}`);
  if (write) {
    writeFileSync(join(root, 'test', 'fuzz', 'crashers', name), small);
    kept.push(name);
  }
}

const summary = {
  date: new Date().toISOString(),
  machine: { cpu: cpuModel, nproc: availableParallelism(), node: process.version, loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) },
  seed,
  inputs: result.runs,
  failures: result.failures.length,
  seconds: Math.round(seconds),
  inputsPerSecond: Math.round(result.runs / seconds),
  crashersWritten: kept,
};
console.log(`\n${summary.inputs.toLocaleString('en')} inputs in ${summary.seconds} s (${summary.inputsPerSecond}/s): ${summary.failures} failures`);
if (write) writeFileSync(join(root, 'bench', 'fuzz-results.json'), JSON.stringify(summary, null, 2) + '\n');
process.exitCode = result.failures.length > 0 ? 1 : 0;
