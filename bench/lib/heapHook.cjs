// Preloaded into a language server under benchmark (`node --expose-gc -r bench/lib/heapHook.cjs server.js`):
// on SIGUSR2 it collects garbage and reports process.memoryUsage() on stderr (stdout carries the LSP stream),
// with the bytes used in V8's code space (compiled code, which grows as more functions get optimised, apart
// from the data the server keeps) and the memory each heap space has committed before and after the collection.
// Only the benchmark loads it; the server itself has no such hook.
const v8 = require('node:v8');

/** Memory each heap space holds from the OS (its part of RSS), by space name ({ new_space: bytes, … }). */
function committed() {
  const spaces = v8.getHeapSpaceStatistics().filter((s) => s.physical_space_size > 0);
  return Object.fromEntries(spaces.map((s) => [s.space_name, s.physical_space_size]));
}

process.on('SIGUSR2', () => {
  // Before collecting: what the heap held when the benchmark read the RSS, garbage included.
  const committedBeforeGc = committed();
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const code = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space');
  // Compiled code and bytecode with their metadata (deoptimisation data, feedback, …), wherever they live.
  const { code_and_metadata_size: codeAndMetadata, bytecode_and_metadata_size: bytecodeAndMetadata } = v8.getHeapCodeStatistics();
  const report = { ...process.memoryUsage(), codeSpaceUsed: code?.space_used_size ?? 0, codeAndMetadata, bytecodeAndMetadata, committedBeforeGc, committed: committed() };
  process.stderr.write(`@@heap ${JSON.stringify(report)}\n`);
});
