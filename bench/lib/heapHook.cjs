// Preloaded into a language server under benchmark (`node --expose-gc -r bench/lib/heapHook.cjs server.js`):
// on SIGUSR2 it collects garbage and reports process.memoryUsage() on stderr (stdout carries the LSP stream),
// with the bytes used in V8's code space (compiled code, which grows as more functions get optimised, apart
// from the data the server keeps). Only the benchmark loads it; the server itself has no such hook.
const v8 = require('node:v8');

process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const code = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space');
  process.stderr.write(`@@heap ${JSON.stringify({ ...process.memoryUsage(), codeSpaceUsed: code?.space_used_size ?? 0 })}\n`);
});
