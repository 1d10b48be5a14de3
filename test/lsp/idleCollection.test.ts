/**
 * The full collections the server runs once it has been idle after linting (lsp/idleCollection.ts): two per idle
 * period, after the last lint of a burst, never without `gc`, and wired to the server's lints.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exposedCollector, IdleCollection } from '../../server/src/lsp/idleCollection';
import { LspHarness } from '../support/lspHarness';

describe('IdleCollection', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects delayMs after the last work of a burst and once more delayMs later, then waits for more work', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const idle = new IdleCollection(collect, 1000);
    idle.workDone();
    vi.advanceTimersByTime(600);
    idle.workDone();
    vi.advanceTimersByTime(600);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    idle.workDone();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(3);
  });

  it('work between the two collections starts the idle period again', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const idle = new IdleCollection(collect, 1000);
    idle.workDone();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    idle.workDone();
    vi.advanceTimersByTime(999);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(3);
  });

  it('does nothing after dispose, or without a way to collect', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const idle = new IdleCollection(collect, 1000);
    idle.workDone();
    idle.dispose();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
    const without = new IdleCollection(undefined, 1000);
    without.workDone();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses gc from --expose-gc (two full collections), and nothing when it is not exposed', () => {
    expect(exposedCollector({})).toBeUndefined();
    const gc = vi.fn();
    exposedCollector({ gc })!();
    expect(gc).toHaveBeenCalledTimes(2);
  });
});

describe('the server collects when idle after linting', () => {
  let h: LspHarness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });

  it('after the diagnostics of an opened document', async () => {
    let collected!: () => void;
    const done = new Promise<void>((resolve) => (collected = resolve));
    const collect = vi.fn(() => collected());
    h = await LspHarness.start({ debounceMs: 0, idleCollect: collect, idleCollectionDelayMs: 20 });
    await h.open('file:///idle/Dockerfile', 'FROM alpine:3.20\nRUN echo hi\n');
    await h.waitForDiagnostics('file:///idle/Dockerfile');
    await done;
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('after a document is closed, again', async () => {
    const waiters: (() => void)[] = [];
    let count = 0;
    const collected = (n: number) => new Promise<void>((resolve) => waiters.push(() => count >= n && resolve()));
    h = await LspHarness.start({ debounceMs: 0, idleCollect: () => { count++; for (const w of waiters) w(); }, idleCollectionDelayMs: 20 });
    await h.open('file:///idle/Dockerfile', 'FROM alpine:3.20\n');
    await h.waitForDiagnostics('file:///idle/Dockerfile');
    // Both collections of the idle period after the lint.
    if (count < 2) await collected(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count).toBe(2);
    await h.close('file:///idle/Dockerfile');
    await collected(4);
    expect(count).toBe(4);
  });
});
