// Throughput over the whole corpus: stagelint's full lint (every rule, the model, suppressions) through the
// production build of api.js (lib/bundles.mjs), against dockerfile-utils' validate() (the linter in Microsoft's
// Docker extension) and against dockerfile-ast's bare parse. The three run interleaved in every round, so drift (CPU frequency,
// GC, other load) hits them alike; the reported time is the median of the rounds. Time is the process's CPU
// time (user + system, GC threads included), which other processes on a busy machine disturb far less than
// wall-clock time; the wall-clock medians are reported too.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { bundle } from './lib/bundles.mjs';
import { loadCorpus } from './lib/corpus.mjs';
import { median, round } from './lib/stats.mjs';

const require = createRequire(import.meta.url);

export function contenders() {
  const api = require(bundle('api.js'));
  const { validate } = require('dockerfile-utils');
  const { DockerfileParser } = require('dockerfile-ast');
  return {
    'stagelint lint (all rules)': (text) => api.lint(text, { config: { extends: 'all' } }).problems.length,
    'dockerfile-utils validate': (text) => validate(text).length,
    'dockerfile-ast parse': (text) => DockerfileParser.parse(text).getInstructions().length,
  };
}

// Warm-up: 15 rounds (3,435 lints). V8 compiles a contender's hot functions as they turn hot, and stagelint's engine
// has far more of them than a parser: after 5 warm-up rounds its CPU time per round still ran up to 100 ms above
// its wall-clock time (the background compiler) and settled only from about round 15 on, while the bare parse's
// CPU and wall-clock times matched from round 5. Measured before that, the medians mixed the compiler's work into
// stagelint's steady state; every contender gets the same warm-up.
export async function run({ rounds = 15, warmup = 15 } = {}) {
  const corpus = loadCorpus();
  const bytes = corpus.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const entries = Object.entries(contenders());
  const times = Object.fromEntries(entries.map(([name]) => [name, []]));
  const wall = Object.fromEntries(entries.map(([name]) => [name, []]));
  let sink = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    // Rotate the order each round so no contender always runs right after another's garbage.
    for (let k = 0; k < entries.length; k++) {
      const [name, fn] = entries[(round + k) % entries.length];
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const file of corpus) sink += fn(file.text);
      const used = process.cpuUsage(cpu);
      const elapsed = performance.now() - start;
      if (round >= warmup) {
        times[name].push((used.user + used.system) / 1000);
        wall[name].push(elapsed);
      }
    }
  }
  if (sink < 0) console.log(sink); // keep the results alive
  const medians = Object.fromEntries(entries.map(([name]) => [name, median(times[name])]));
  const lint = medians['stagelint lint (all rules)'];
  const validate = medians['dockerfile-utils validate'];
  const parse = medians['dockerfile-ast parse'];
  return {
    files: corpus.length,
    bytes,
    rounds,
    warmup,
    msPerCorpus: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, round(v)])),
    wallMsPerCorpus: Object.fromEntries(entries.map(([name]) => [name, round(median(wall[name]))])),
    filesPerSecond: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, Math.round((corpus.length * 1000) / v)])),
    ratios: {
      lintVsValidate: round(lint / validate),
      lintVsParse: round(lint / parse),
      validateVsParse: round(validate / parse),
    },
    goals: {
      'lint <= 1.0x validate': lint / validate <= 1.0,
      'lint <= 1.5x parse': lint / parse <= 1.5,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
