// Editor latency: a scripted session against each server over stdio — open a generated 2,000-line multi-stage
// Dockerfile, then type single characters (incremental didChange), one at a time, timing didChange →
// publishDiagnostics for that version. stagelint runs with its debounce set to 0 (the peer does not debounce),
// so the numbers are the servers' own work plus the stdio round trip. Each server runs the same session three times,
// alternating with the other, and the edits of its sessions are pooled: the p95 of one 200-edit session is its 10th
// slowest edit, which moved by several milliseconds between identical runs on a shared 2-core machine.
import { performance } from 'node:perf_hooks';
import { generateDockerfile, typingEdits } from './lib/generate.mjs';
import { SERVERS, startServer } from './lib/servers.mjs';
import { median, round, summary } from './lib/stats.mjs';

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
    return { lines, edits, warmup, openMs: round(openMs), diagnosticsAtEnd: diagnostics, ms: summary(times), times };
  } finally {
    await client.shutdown();
  }
}

/** One server's sessions as one: edit times pooled, with each session's own p95 kept. */
function pooled(sessions) {
  const [first] = sessions;
  const times = sessions.flatMap((s) => s.times);
  return {
    lines: first.lines, edits: first.edits, warmup: first.warmup, sessions: sessions.length,
    openMs: round(median(sessions.map((s) => s.openMs))), diagnosticsAtEnd: first.diagnosticsAtEnd,
    ms: summary(times), p95BySession: sessions.map((s) => s.ms.p95),
  };
}

export async function run(options = {}) {
  const ours = [];
  const theirs = [];
  for (let k = 0; k < (options.sessions ?? 3); k++) {
    ours.push(await session('stagelint', options));
    theirs.push(await session('rcjsuen', options));
  }
  const stagelint = pooled(ours);
  const peer = pooled(theirs);
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
