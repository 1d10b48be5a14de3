// Preloaded into a language server under benchmark (`node --expose-gc -r bench/lib/heapHook.cjs server.js`):
// on SIGUSR2 it collects garbage and reports process.memoryUsage() on stderr (stdout carries the LSP stream).
// Only the benchmark loads it; the server itself has no such hook.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  process.stderr.write(`@@heap ${JSON.stringify(process.memoryUsage())}\n`);
});
