// Editor latency: a scripted session against each server over stdio — open a generated 2,000-line multi-stage
// Dockerfile, then type single characters (incremental didChange), one at a time, timing didChange →
// publishDiagnostics for that version. stagelint runs with its debounce set to 0 (the peer does not debounce),
// so the numbers are the servers' own work plus the stdio round trip.
import { performance } from 'node:perf_hooks';
import { generateDockerfile, typingEdits } from './lib/generate.mjs';
import { SERVERS, startServer } from './lib/servers.mjs';
import { round, summary } from './lib/stats.mjs';

export async function session(name, { lines = 2000, edits = 200, warmup = 20 } = {}) {
  const spec = SERVERS[name];
  const text = generateDockerfile(lines);
  const script = typingEdits(text, warmup + edits);
  const uri = 'file:///bench/latency/Dockerfile';
  const client = startServer(name);
  try {
    await client.initialize(spec.initializationOptions);
    let version = 1;
    let sentAt = performance.now();
    await client.open(uri, text, version);
    const opened = await client.waitForDiagnostics(uri, spec.accepts(version, sentAt));
    const openMs = opened.at - sentAt;
    const times = [];
    let diagnostics = 0;
    for (const [k, change] of script.entries()) {
      version++;
      sentAt = performance.now();
      await client.change(uri, version, [change]);
      const published = await client.waitForDiagnostics(uri, spec.accepts(version, sentAt));
      if (k >= warmup) times.push(published.at - sentAt);
      diagnostics = published.params.diagnostics.length;
    }
    return { lines, edits, warmup, openMs: round(openMs), diagnosticsAtEnd: diagnostics, ms: summary(times) };
  } finally {
    await client.shutdown();
  }
}

export async function run(options = {}) {
  const stagelint = await session('stagelint', options);
  const peer = await session('rcjsuen', options);
  return {
    stagelint,
    peer,
    ratios: { p95VsPeer: round(stagelint.ms.p95 / peer.ms.p95), medianVsPeer: round(stagelint.ms.median / peer.ms.median) },
    goals: {
      'p95 < 30 ms': stagelint.ms.p95 < 30,
      'p95 <= 0.5x peer': stagelint.ms.p95 <= 0.5 * peer.ms.p95,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
