// Memory: the server's RSS (right after the work and at rest) and heap (after a forced GC) with 500 open
// Dockerfiles (corpus files repeated under distinct uris), after 10,000 single-character edits spread over them (with documents closed and new ones
// opened along the way), after 10,000 more, and after closing everything — models of closed documents must be freed.
// The peer server's RSS with the same open documents is measured too.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from './lib/corpus.mjs';
import { SERVERS, startServer } from './lib/servers.mjs';
import { mb } from './lib/stats.mjs';

const HOOK = join(fileURLToPath(new URL('.', import.meta.url)), 'lib', 'heapHook.cjs');

/** A round trip: every notification sent before it (didClose…) has been handled when it is answered. */
function roundTrip(client) {
  return client.request('textDocument/codeAction', { textDocument: { uri: 'file:///bench/none' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
}

/** What the heap spaces held from the OS, in MB: new (young generation), old, code, large objects, the rest. */
function spacesMB(committed) {
  const { new_space: young = 0, old_space: old = 0, code_space: code = 0, large_object_space: large = 0, ...rest } = committed;
  return { new: mb(young), old: mb(old), code: mb(code), largeObjects: mb(large), other: mb(Object.values(rest).reduce((a, b) => a + b, 0)) };
}

/** Longer than the server's two idle collections take to run (server/src/lsp/idleCollection.ts: after 5 s and 10 s). */
const AT_REST_MS = 11_500;

async function snapshot(client) {
  const { rss, peak } = client.rss();
  // At rest: what the server holds once it has been idle a while (it runs its full collections then), before the
  // forced collection below.
  await new Promise((resolve) => setTimeout(resolve, AT_REST_MS));
  const atRest = client.rss().rss;
  const heap = await client.heapAfterGc();
  return {
    rssMB: mb(rss),
    rssAtRestMB: mb(atRest),
    peakRssMB: mb(peak),
    // The heap's part of rssMB (garbage included), by space; the rest of the RSS is Node itself (its mapped binary
    // and libraries, ~40 MB), malloc and thread stacks.
    heapSpacesMB: spacesMB(heap.committedBeforeGc),
    rssAfterGcMB: mb(heap.rss),
    heapUsedAfterGcMB: mb(heap.heapUsed),
    codeSpaceAfterGcMB: mb(heap.codeSpaceUsed),
    // Compiled code and bytecode with their metadata (V8's code statistics): grows while more functions get
    // optimised, and is part of heapUsedAfterGcMB.
    codeAndBytecodeAfterGcMB: mb(heap.codeAndMetadata + heap.bytecodeAndMetadata),
    // The server's own data: the heap after GC less that code.
    dataAfterGcMB: mb(heap.heapUsed - heap.codeAndMetadata - heap.bytecodeAndMetadata),
    heapTotalMB: mb(heap.heapTotal),
  };
}

/**
 * The peer server's RSS for the same opening: every corpus file opened and closed once (the warm-up stagelint gets
 * too), then `documents` open ones, right after their diagnostics and after as long at rest. It keeps no model of a
 * document, only its text, and runs no idle collections.
 */
async function peerRss(corpus, documents, batch) {
  const spec = SERVERS.rcjsuen;
  const client = startServer('rcjsuen');
  try {
    await client.initialize(spec.initializationOptions);
    const started = client.rss().rss;
    let serial = 0;
    const openBatch = async (count) => {
      const uris = [];
      const sentAt = performance.now();
      for (let k = 0; k < count; k++) {
        const uri = `file:///bench/memory/peer/${serial}/Dockerfile`;
        await client.open(uri, corpus[serial++ % corpus.length].text, 1);
        uris.push(uri);
      }
      await Promise.all(uris.map((uri) => client.waitForDiagnostics(uri, spec.accepts(1, sentAt), 120_000)));
      return uris;
    };
    for (let i = 0; i < corpus.length; i += batch) {
      for (const uri of await openBatch(Math.min(batch, corpus.length - i))) await client.close(uri);
    }
    await roundTrip(client);
    for (let i = 0; i < documents; i += batch) await openBatch(Math.min(batch, documents - i));
    const { rss } = client.rss();
    await new Promise((resolve) => setTimeout(resolve, AT_REST_MS));
    return { rssAtStartMB: mb(started), rssMB: mb(rss), rssAtRestMB: mb(client.rss().rss) };
  } finally {
    await client.shutdown();
  }
}

export async function run({ documents = 500, edits = 10_000, batch = 100 } = {}) {
  const corpus = loadCorpus();
  const stagelint = await stagelintMemory(corpus, { documents, edits, batch });
  return { ...stagelint, peer: await peerRss(corpus, documents, batch) };
}

async function stagelintMemory(corpus, { documents, edits, batch }) {
  const spec = SERVERS.stagelint;
  const client = startServer('stagelint', { nodeOptions: ['--expose-gc', '-r', HOOK] });
  const open = new Map(); // uri → { text, version }
  let serial = 0;
  const openDoc = async () => {
    const file = corpus[serial % corpus.length];
    const uri = `file:///bench/memory/${serial++}/Dockerfile`;
    open.set(uri, { text: file.text, version: 1 });
    await client.open(uri, file.text, 1);
    return uri;
  };
  // Odd versions insert a '#' at the start, even ones remove it again: the text stays the same size.
  const edit = (uri) => {
    const doc = open.get(uri);
    doc.version++;
    const change = doc.version % 2 === 0
      ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }
      : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' };
    return client.change(uri, doc.version, [change]);
  };
  const settle = (uris) => Promise.all(uris.map((uri) => client.waitForDiagnostics(uri, spec.accepts(open.get(uri).version), 120_000)));
  try {
    await client.initialize(spec.initializationOptions);
    const started = await snapshot(client);
    // Warm up with the same work (open, edit, close) on every corpus file and then 1,000 edits of a few, so
    // every rule has run on every kind of file and the code of the open and edit paths is compiled: the baseline
    // that closing all documents must return to, and the JIT's own growth (code compiled for files the warm-up
    // had not shown it, a few MB) is not mistaken for documents kept alive.
    for (let i = 0; i < corpus.length; i += batch) {
      const uris = [];
      for (let k = i; k < Math.min(corpus.length, i + batch); k++) uris.push(await openDoc());
      await settle(uris);
      for (const uri of uris) await edit(uri);
      await settle(uris);
      for (const uri of uris) {
        open.delete(uri);
        await client.close(uri);
      }
    }
    const warm = [];
    for (let i = 0; i < 20; i++) warm.push(await openDoc());
    await settle(warm);
    for (let round = 0; round < 50; round++) {
      for (const uri of warm) await edit(uri);
      await settle(warm);
    }
    for (const uri of warm) {
      open.delete(uri);
      await client.close(uri);
    }
    await roundTrip(client);
    const warmedUp = await snapshot(client);

    for (let i = 0; i < documents; i += batch) {
      const uris = [];
      for (let k = i; k < Math.min(documents, i + batch); k++) uris.push(await openDoc());
      await settle(uris);
    }
    const opened = await snapshot(client);

    let closed = 0;
    const editRound = async () => {
      let done = 0;
      while (done < edits) {
        const uris = [...open.keys()].slice(0, batch);
        for (const uri of uris) {
          await edit(uri);
          done++;
        }
        await settle(uris);
        // Churn: close the oldest document and open a new one (its model must be released).
        const oldest = open.keys().next().value;
        open.delete(oldest);
        await client.close(oldest);
        closed++;
        const fresh = await openDoc();
        await settle([fresh]);
        // Rotate so the next batch edits other documents.
        for (const uri of uris) {
          if (!open.has(uri)) continue;
          const doc = open.get(uri);
          open.delete(uri);
          open.set(uri, doc);
        }
      }
      return done;
    };
    const done = await editRound();
    const closedInFirstRound = closed;
    const edited = await snapshot(client);
    // A second round of as many edits: the first one also pays what a document keeps once it has been edited
    // (the editor's text document keeps a line table from its first incremental change on) and the code the JIT
    // compiles on the way; growth from here on would be a leak.
    await editRound();
    const editedAgain = await snapshot(client);

    for (const uri of [...open.keys()]) await client.close(uri);
    await roundTrip(client);
    const allClosed = await snapshot(client);

    return {
      documents,
      edits: done,
      documentsClosedDuringEdits: closedInFirstRound,
      started,
      warmedUp,
      opened,
      edited,
      editedAgain,
      allClosed,
      heapGrowthDuringEditsMB: Number((edited.heapUsedAfterGcMB - opened.heapUsedAfterGcMB).toFixed(1)),
      goals: {
        'RSS with 500 documents < 100 MB': opened.rssMB < 100 && edited.rssMB < 100,
        'RSS at rest with 500 documents < 100 MB': opened.rssAtRestMB < 100 && edited.rssAtRestMB < 100,
        // "No growth": the heap after GC stays within 10% (GC and JIT noise) of where it was after opening.
        'no heap growth across edits': edited.heapUsedAfterGcMB <= opened.heapUsedAfterGcMB * 1.1,
        'closing frees the models': allClosed.heapUsedAfterGcMB <= warmedUp.heapUsedAfterGcMB + 2,
        // The same two checks on the server's data alone (compiled code and bytecode come and go with the JIT).
        'no data growth across edits': edited.dataAfterGcMB <= opened.dataAfterGcMB * 1.1,
        'no data growth across a second round of edits': editedAgain.dataAfterGcMB <= edited.dataAfterGcMB * 1.02,
        'closing frees the data': allClosed.dataAfterGcMB <= warmedUp.dataAfterGcMB + 1,
      },
    };
  } finally {
    await client.shutdown();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
