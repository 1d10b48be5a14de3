/**
 * V8 heap tuning the server applies to itself when its editor started it with Node's defaults. VS Code starts it
 * with the flags of client/src/serverProcess.json; Neovim, Helix, Emacs and others run `node dist/server.js`,
 * where V8 lets the old generation grow to up to 4x its live size before a full collection (live ~21 MB with 500
 * open Dockerfiles: 180 MB RSS with them open, 200 MB after edits, against 121 / 136 MB with VS Code's flags).
 *
 * Only a flag that V8 reads afresh whenever it uses it can be set once the process runs: `--heap-growing-percent`
 * is read each time a full collection sets the next old-generation limit, and caps the growth factor at 1.6,
 * the factor `--max-old-space-size=1024` gives (with it, Node's defaults measured 127 / 140 MB). Heap sizes,
 * semi-space sizes and V8's thread pool are fixed when the process starts and do nothing when set later, so
 * those are documented for other editors in the README instead.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_FLAGS = /^--(max[-_]old[-_]space[-_]size|heap[-_]growing[-_]percent)(=|$)/;

/** The flags to set at run time: none when the process was started with heap flags of its own (as VS Code does). */
export function runtimeHeapFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return given.some((arg) => HEAP_FLAGS.test(arg)) ? [] : ['--heap-growing-percent=60'];
}

export function applyHeapTuning(): void {
  for (const flag of runtimeHeapFlags(process.execArgv, process.env['NODE_OPTIONS'])) setFlagsFromString(flag);
}
