/**
 * The `diagnosticsDebounceMs` initialization option sets the push-diagnostics debounce (benchmarks set 0 to time
 * the lint itself). Only `setTimeout`/`clearTimeout` are faked, so the JSON-RPC streams keep running and the
 * debounce timer is advanced by hand: the test does not depend on how fast the machine is.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
let h: LspHarness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.dispose();
  h = undefined;
});

/** Publishes for `uri` at `version` so far. */
const publishedAt = (version: number) => h!.published.filter((p) => p.uri === uri && p.version === version).length;

/** A round trip: whatever the server did before answering (handle a change, publish) has reached the client. */
const roundTrip = () => h!.request('textDocument/codeAction', { textDocument: { uri }, range: zero, context: { diagnostics: [] } });

async function changeAndSettle(text: string): Promise<number> {
  const version = await h!.change(uri, text);
  await roundTrip();
  return version;
}

/** Advances the fake clock, then lets any publish it caused reach the client. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await roundTrip();
}

async function startWith(initializationOptions: unknown): Promise<void> {
  h = await LspHarness.start({ rules: demoRules, initializationOptions });
  await h.open(uri, 'FROM alpine\n');
  await h.currentDiagnostics(uri);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

describe('diagnosticsDebounceMs', () => {
  it('delays push diagnostics by the given milliseconds', async () => {
    await startWith({ diagnosticsDebounceMs: 1000 });
    const version = await changeAndSettle('from alpine\n');
    await advance(999);
    expect(publishedAt(version)).toBe(0);
    await advance(1);
    expect(publishedAt(version)).toBe(1);
  });

  it('0 lints once the messages already received are handled, without a timer', async () => {
    await startWith({ diagnosticsDebounceMs: 0 });
    const version = await h!.change(uri, 'from alpine\n');
    // The fake clock never advances: the publish cannot wait for a timer.
    await h!.currentDiagnostics(uri);
    expect(publishedAt(version)).toBe(1);
  });

  it('ignores values that are not a number of milliseconds in 0…10000 (the default 150 applies)', async () => {
    for (const value of ['0', -1, 60_000, Number.NaN, null]) {
      await startWith({ diagnosticsDebounceMs: value });
      const version = await changeAndSettle('from alpine\n');
      await advance(149);
      expect(publishedAt(version), String(value)).toBe(0);
      await advance(1);
      expect(publishedAt(version), String(value)).toBe(1);
      vi.useRealTimers();
      await h!.dispose();
      h = undefined;
    }
  });
});
