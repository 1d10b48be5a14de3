/**
 * Refactors over LSP: the server advertises the refactor kinds, answers `only: ['refactor']` at the cursor,
 * attaches refactor-backed quick fixes to diagnostics, and `source.fixAll.stagelint` never runs an unsafe one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-types';
import { LspHarness } from '../support/lspHarness';

const uri = 'file:///work/project/Dockerfile';
const fixture = (path: string) => readFileSync(join(__dirname, '..', 'fixtures', 'split', path), 'utf8');
const cursor = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
let h: LspHarness;
afterEach(async () => {
  await h?.dispose();
});

describe('refactors over LSP', () => {
  it('advertises refactor.extract and refactor.rewrite', async () => {
    h = await LspHarness.start();
    expect(h.initializeResult.capabilities.codeActionProvider).toMatchObject({
      codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.stagelint', 'refactor.extract', 'refactor.rewrite']),
    });
  });

  it("answers only: ['refactor'] at the cursor, and the split applies to the reviewed result", async () => {
    h = await LspHarness.start();
    await h.open(uri, fixture('go.Dockerfile'));
    const actions = ((await h.codeActions(uri, cursor(4), [], ['refactor'])) ?? []) as CodeAction[];
    expect(actions.every((a) => a.kind === 'refactor.extract' || a.kind === 'refactor.rewrite')).toBe(true);
    const split = actions.find((a) => a.title === 'Split into builder and runtime stages');
    expect(split?.kind).toBe('refactor.extract');
    await h.apply(split!.edit!);
    expect(h.text(uri)).toBe(fixture('expected/go.Dockerfile'));
  });

  it('source.fixAll.stagelint applies safe fixes only: no split, no other unsafe fix', async () => {
    h = await LspHarness.start();
    const text = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\nentrypoint ["/out/app"]\n';
    await h.open(uri, text);
    const diagnostics = await h.currentDiagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('prefer-multi-stage-build');
    const all = ((await h.codeActions(uri, cursor(0), [], ['source.fixAll.stagelint'])) ?? []) as CodeAction[];
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.stagelint']);
    await h.apply(all[0]!.edit!);
    const fixed = h.text(uri);
    expect(fixed).toContain('ENTRYPOINT ["/out/app"]'); // the safe casing fix ran
    expect(fixed.match(/^FROM /gm)).toHaveLength(1); // the unsafe split did not
  });

  it('offers the split as an unsafe quick fix on prefer-multi-stage-build', async () => {
    h = await LspHarness.start();
    await h.open(uri, fixture('go.Dockerfile'));
    const d = (await h.currentDiagnostics(uri)).find((x) => x.code === 'prefer-multi-stage-build');
    expect(d).toBeDefined();
    const actions = ((await h.codeActions(uri, d!.range, [d!], ['quickfix'])) ?? []) as CodeAction[];
    const split = actions.find((a) => a.title === 'Split into builder and runtime stages (unsafe)');
    expect(split?.kind).toBe('quickfix');
    await h.apply(split!.edit!);
    expect(h.text(uri)).toBe(fixture('expected/go.Dockerfile'));
  });
});
