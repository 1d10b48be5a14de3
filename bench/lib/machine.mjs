// What the numbers were measured on: they only compare within one run on one machine.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { availableParallelism } from 'node:os';

export function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  return {
    cpu: cpuModel,
    nproc: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
