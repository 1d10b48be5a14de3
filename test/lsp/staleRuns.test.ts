/**
 * Push diagnostics when changes come faster than the lint: versions that are already superseded when their run
 * would start are not linted, a lint whose version a change made stale stops at its next pause, a stale version
 * is never published, and the last version always gets its diagnostics. A counting rule (last in the rule list)
 * tells which texts were linted to the end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defineRule } from '../../server/src/engine/defineRule';
import { LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
let h: LspHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

/** Texts linted by the counting rule, in order. */
let linted: string[] = [];
const countingRule = defineRule({
  id: 'demo-count-lints',
  meta: {
    category: 'style', defaultSeverity: 'hint', recommended: true, fix: 'none', since: '0.1.0', stability: 'stable', sources: [],
    messages: { never: 'never reported' },
    docs: { summary: 'Counts lints', rationale: 'Test rule.', examples: { invalid: ['FROM alpine\n'], valid: ['FROM alpine\n'] } },
  },
  check({ model }) {
    linted.push(model.text);
  },
});

const texts = (count: number) => Array.from({ length: count }, (_, i) => `from alpine\n${'run true\n'.repeat(i + 1)}`);
const publishedVersions = () => h!.published.filter((p) => p.uri === uri).map((p) => p.version);
/** A round trip: what the server did before answering has reached the client. */
const roundTrip = () => h!.request('textDocument/codeAction', { textDocument: { uri }, range: zero, context: { diagnostics: [] } });

/** When it lints `trigger`, sends `changes` or `send` (as an editor would while the server is busy) before the other rules run. */
let interruption: { trigger: string; changes?: string[]; send?: { method: string; params: unknown } } | undefined;
const interruptingRule = defineRule({
  id: 'demo-interrupt',
  meta: { ...countingRule.meta, docs: { ...countingRule.meta.docs, summary: 'Types during the lint' } },
  check({ model }) {
    if (!interruption || model.text !== interruption.trigger) return;
    const { changes, send } = interruption;
    interruption = undefined;
    if (changes) h!.changeBurst(uri, changes);
    if (send) h!.sendNow([send]);
  },
});

async function start(debounceMs: number, lintSliceMs?: number): Promise<void> {
  h = await LspHarness.start({ rules: [interruptingRule, ...demoRules, countingRule], debounceMs, ...(lintSliceMs !== undefined ? { lintSliceMs } : {}) });
  await h.open(uri, 'FROM alpine\n');
  await h.currentDiagnostics(uri);
  linted = [];
}

describe('changes faster than the lint (no debounce)', () => {
  it('lints a burst of changes once, for its last version, and publishes only that version', async () => {
    await start(0);
    const burst = texts(10);
    const last = h!.changeBurst(uri, burst);
    const ds = await h!.currentDiagnostics(uri);
    await roundTrip();
    expect(last).toBe(11);
    expect(linted).toEqual([burst[9]]);
    expect(publishedVersions()).toEqual([1, 11]);
    // The diagnostics are those of the last text: one lower-case keyword per line.
    expect(ds.filter((d) => d.code === 'demo-keyword-case')).toHaveLength(11);
  });

  it('publishes every version when each change waits for its diagnostics', async () => {
    await start(0);
    for (const text of texts(5)) {
      await h!.change(uri, text);
      await h!.currentDiagnostics(uri);
    }
    expect(publishedVersions()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(linted).toHaveLength(5);
  });

  it('after bursts and single changes mixed, the last version gets its diagnostics and versions only increase', async () => {
    await start(0);
    for (let round = 0; round < 5; round++) {
      h!.changeBurst(uri, texts(round + 2));
      await h!.change(uri, `from alpine\n${'expose 80\n'.repeat(round + 1)}`);
    }
    const ds = await h!.currentDiagnostics(uri);
    expect(ds.filter((d) => d.code === 'demo-keyword-case')).toHaveLength(6);
    const versions = publishedVersions();
    expect(versions.at(-1)).toBe(h!.version(uri));
    expect(versions).toEqual([...versions].sort((a, b) => a! - b!));
    expect(new Set(versions).size).toBe(versions.length);
    // Never more lints than versions.
    expect(linted.length).toBeLessThanOrEqual(versions.length);
  });
});

describe('with a debounce', () => {
  it('a burst is linted once too', async () => {
    await start(20);
    const burst = texts(4);
    h!.changeBurst(uri, burst);
    await h!.currentDiagnostics(uri);
    expect(linted).toEqual([burst[3]]);
    expect(publishedVersions()).toEqual([1, 5]);
  });
});

describe('a change during the lint', () => {
  it('stops the lint of the stale version at its next pause and publishes the new version', async () => {
    await start(0, 0);
    const [stale, next] = texts(2) as [string, string];
    interruption = { trigger: stale, changes: [next] };
    await h!.change(uri, stale);
    const ds = (await h!.waitForDiagnostics(uri, (p) => p.version === 3)).diagnostics;
    await roundTrip();
    expect(interruption).toBeUndefined();
    expect(linted).toEqual([next]);
    expect(publishedVersions()).toEqual([1, 3]);
    expect(ds.filter((d) => d.code === 'demo-keyword-case')).toHaveLength(3);
  });

  it('is not paused within the slice: a lint shorter than the slice runs to the end', async () => {
    await start(0, 60_000);
    const [first, next] = texts(2) as [string, string];
    interruption = { trigger: first, changes: [next] };
    await h!.change(uri, first);
    await h!.waitForDiagnostics(uri, (p) => p.version === 3);
    await roundTrip();
    // Without a pause the change is only read after the lint: the first version was current when published.
    expect(linted).toEqual([first, next]);
    expect(publishedVersions()).toEqual([1, 2, 3]);
  });

  it('new settings during the lint stop it: only diagnostics with the new settings are published', async () => {
    await start(0, 0);
    const [text] = texts(1) as [string];
    h!.settings = { rules: { 'demo-keyword-case': 'error' } };
    interruption = { trigger: text, send: { method: 'workspace/didChangeConfiguration', params: { settings: null } } };
    // The first lint of version 2 pulls the settings first (cached until the change), so it runs with the old ones.
    await h!.change(uri, text);
    const ds = await h!.waitForDiagnostics(uri, (p) => p.version === 2);
    await roundTrip();
    expect(interruption).toBeUndefined();
    expect(h!.published.filter((p) => p.uri === uri && p.version === 2)).toHaveLength(1);
    expect(ds.diagnostics.filter((d) => d.code === 'demo-keyword-case').map((d) => d.severity)).toEqual([1, 1]);
    expect(linted).toEqual([text]);
  });

  it('a stopped lint keeps nothing: code actions use the current version', async () => {
    await start(0, 0);
    const [stale, next] = texts(2) as [string, string];
    interruption = { trigger: stale, changes: [next] };
    await h!.change(uri, stale);
    const ds = (await h!.waitForDiagnostics(uri, (p) => p.version === 3)).diagnostics;
    const actions = await h!.codeActions(uri, ds[0]!.range, [ds[0]!]);
    expect(actions?.some((a) => a.title === "Write 'FROM'")).toBe(true);
  });
});
