/**
 * Memory back to the system when the editor is idle. Linting grows V8's old generation well past what is live: with
 * 500 open Dockerfiles the server holds ~125-130 MB RSS while only 13-15 MB of the heap is live, because V8 lets
 * the old generation grow (up to 1.6x live, plus the new space's size) before its next full collection, and nothing
 * triggers that collection once no more garbage arrives. Collecting when the server has been idle for `delayMs`
 * after its last lint or closed document returns the old generation's slack.
 *
 * It collects a second time `delayMs` later if the server is still idle, because only then does the new space (up to
 * 3 x 16 MB) shrink: V8 shrinks it after a collection only when the allocation rate over its last ~5 s is low, and
 * at the first collection that window still holds the burst of linting. Measured on 500 just-opened documents
 * (bench/memory.mjs, RSS at rest): 127 MB, 108 after the first collection, 76-82 after the second.
 *
 * It runs twice per idle period at most, never while the user types; a message arriving during a collection waits
 * for it (60-100 ms on 2 cores).
 *
 * It needs `gc` from `--expose-gc`, which the VS Code client starts the server with (client/src/serverProcess.json;
 * the README gives other editors the same flags). Without it there is nothing to call, and this does nothing.
 */
export type Collect = () => void;

export const IDLE_COLLECTION_DELAY_MS = 5_000;

/** How many times an idle period collects (see above for why more than once). */
const COLLECTIONS_PER_IDLE_PERIOD = 2;

/** Collects once the server has been idle for `delayMs` after its last lint or closed document, and once more later. */
export class IdleCollection {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: Collect | undefined,
    private readonly delayMs = IDLE_COLLECTION_DELAY_MS,
  ) {}

  /** Work was done: collect `delayMs` after the last call and again `delayMs` later, unless more work comes first. */
  workDone(): void {
    this.schedule(COLLECTIONS_PER_IDLE_PERIOD);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(collections: number): void {
    if (!this.collect) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
      if (collections > 1) this.schedule(collections - 1);
    }, this.delayMs);
    // A pending collection never keeps the process alive after the editor has gone.
    this.timer.unref();
  }
}

/**
 * Two full collections, when the process was started with `--expose-gc`; undefined otherwise. The second frees what
 * the first could only finalise: one alone left the RSS where it was after a run of edits (500 documents: 130 MB
 * before, 112 MB after two), ~60-100 ms in all on 2 cores.
 */
export function exposedCollector(scope: { gc?: unknown } = globalThis): Collect | undefined {
  const gc = scope.gc;
  if (typeof gc !== 'function') return undefined;
  return () => {
    (gc as () => void)();
    (gc as () => void)();
  };
}
