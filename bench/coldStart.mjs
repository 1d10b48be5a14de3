// Cold start: process start → `initialize` answered → first diagnostics for a document opened right after
// `initialized`. Each run is a fresh process; the median of the runs is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './lib/corpus.mjs';
import { SERVERS, startServer } from './lib/servers.mjs';
import { median, round } from './lib/stats.mjs';

/** A typical multi-stage file of the corpus (101 lines, 6 stages). */
const SAMPLE = 'gohugoio__hugo__Dockerfile';


async function once(name, text) {
  const spec = SERVERS[name];
  const client = startServer(name);
  try {
    const start = client.startedAt;
    await client.initialize(spec.initializationOptions);
    const initialized = client.initializedAt - start;
    const uri = 'file:///bench/cold/Dockerfile';
    await client.open(uri, text, 1);
    const first = await client.waitForDiagnostics(uri, () => true);
    return { initializeMs: initialized, firstDiagnosticsMs: first.at - start };
  } finally {
    await client.shutdown();
  }
}

export async function run({ runs = 7 } = {}) {
  const text = readFileSync(join(corpusDir, SAMPLE), 'utf8');
  const result = {};
  for (const name of ['stagelint', 'rcjsuen']) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await once(name, text));
    result[name === 'rcjsuen' ? 'peer' : name] = {
      runs,
      initializeMs: round(median(samples.map((s) => s.initializeMs))),
      firstDiagnosticsMs: round(median(samples.map((s) => s.firstDiagnosticsMs))),
      firstDiagnosticsMaxMs: round(Math.max(...samples.map((s) => s.firstDiagnosticsMs))),
    };
  }
  return { document: SAMPLE, ...result, goals: { 'first diagnostics < 300 ms': result.stagelint.firstDiagnosticsMs < 300 } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
