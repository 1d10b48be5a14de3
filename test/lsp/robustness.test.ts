import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnyRule } from '../../server/src/engine/defineRule';
import { LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
afterEach(async () => h?.dispose());

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('robustness', () => {
  it('a throwing rule reports one internal error and the other rules still report', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, 'from alpine\nRUN echo BOOM\n');
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => d.code)).toEqual(['demo-keyword-case', 'demo-throws']);
    expect(ds[1]!.message).toContain("Internal error in rule 'demo-throws': rule exploded");
    // The server keeps working for the next edit.
    await h.change(uri, 'FROM alpine\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('an exception in the server core is logged and answered with an empty result', async () => {
    const broken = { id: 'demo-broken', get meta(): never { throw new Error('metadata unavailable'); }, check() {} } as unknown as AnyRule;
    h = await LspHarness.start({ rules: [broken] });
    await h.open(uri, 'FROM alpine\n');
    await h.waitFor('the logged error', () => h.logs.find((l) => l.includes('metadata unavailable')));
    const actions = await h.codeActions(uri, zero, []);
    expect(actions).toBeNull();
    const report = await h.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.items).toEqual([]);
    // Still alive: other requests are answered.
    expect(await h.request('shutdown', null)).toBeNull();
  });

  it('survives garbage input', async () => {
    h = await LspHarness.start();
    const inputs = [
      '\u0000\u0001\u0002\uFFFD binary \u0007',
      'FROM',
      'FROM alpine AS\nCOPY --from= /a /b\nRUN <<EOF\n',
      '\\\n\\\n\\',
      '# escape=`\nFROM alpine `\n  AS x`',
      'ONBUILD ONBUILD ONBUILD',
      'FROM a AS b\n'.repeat(500),
      `RUN ${'x'.repeat(100_000)}`,
      '\r\r\n\n\r',
      '',
    ];
    for (const [i, text] of inputs.entries()) {
      const at = `file:///garbage/${i}/Dockerfile`;
      await h.open(at, text);
      const ds = await h.currentDiagnostics(at);
      expect(Array.isArray(ds)).toBe(true);
      const actions = await h.codeActions(at, zero, ds, undefined);
      expect(Array.isArray(actions)).toBe(true);
      await h.codeActions(at, zero, [], ['source.fixAll.stagelint']);
      await h.close(at);
    }
    expect(h.logs.filter((l) => l.includes('Error'))).toEqual([]);
  });

  it('answers requests about unknown documents with empty results', async () => {
    h = await LspHarness.start({ rules: demoRules });
    const unknown = 'file:///never/opened/Dockerfile';
    expect(await h.codeActions(unknown, zero, [])).toEqual([]);
    expect(await h.request('workspace/executeCommand', { command: 'stagelint.applyAllFixes', arguments: [{ uri: unknown }] })).toEqual({ applied: false });
    expect(await h.request('workspace/executeCommand', { command: 'stagelint.applyAllFixes', arguments: [] })).toEqual({ applied: false });
    // Mangled diagnostics from a client are tolerated: a stray data field, a code that is no rule, none at all.
    await h.open(uri, 'from alpine\n');
    const mangled: Diagnostic[] = [
      { range: zero, message: 'x', source: 'stagelint', code: 'demo-keyword-case', data: { fixes: 'nope', version: 'x' } },
      { range: zero, message: 'x', source: 'stagelint', code: 'no-such-rule' },
      { range: zero, message: 'x', source: 'stagelint', code: 42 },
      { range: zero, message: 'x', source: 'stagelint' },
    ];
    for (const d of mangled) expect(Array.isArray(await h.codeActions(uri, zero, [d]))).toBe(true);
  });

  it('a closed document is dropped even while its diagnostics are being computed', async () => {
    h = await LspHarness.start({ rules: demoRules, debounceMs: 0 });
    const release = h.holdConfiguration();
    await h.open(uri, 'from alpine\n');
    await h.waitFor('the configuration request', () => (h.configurationRequests.length > 0 ? true : undefined));
    await h.close(uri);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    release();
    // A request after the release is answered only once the held run has finished (the server handles
    // messages in order), so any late publish would already be recorded.
    await h.request('textDocument/codeAction', { textDocument: { uri }, range: zero, context: { diagnostics: [] } });
    expect(h.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.length)).toEqual([0]);
    expect(h.server.cache.size).toBe(0);
  });
});

describe('the connection given to editor features', () => {
  it('shares code actions and commands with the core, and guards every handler', async () => {
    h = await LspHarness.start({
      rules: demoRules,
      editorFeatures: {
        capabilities: () => ({ hoverProvider: true, executeCommandProvider: { commands: ['demo.command'] }, codeActionProvider: { codeActionKinds: ['refactor.rewrite'] } }),
        register: (ctx) => {
          ctx.connection.onHover(() => {
            throw new Error('hover exploded');
          });
          ctx.connection.onCodeAction(() => [{ title: 'Demo refactor', kind: 'refactor.rewrite' }]);
          ctx.connection.onExecuteCommand((params) => (params.command === 'demo.command' ? 'demo result' : undefined));
          ctx.connection.languages.inlayHint.on(() => {
            throw new Error('inlay hints exploded');
          });
        },
      },
    });
    const caps = h.initializeResult.capabilities;
    expect(caps.executeCommandProvider?.commands).toEqual(['stagelint.applyAllFixes', 'demo.command']);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.stagelint', 'refactor.extract', 'refactor.rewrite'] });

    await h.open(uri, 'from alpine\n');
    const [d] = await h.currentDiagnostics(uri);
    const actions = (await h.codeActions(uri, d!.range, [d!])) ?? [];
    expect(actions.map((a) => a.title)).toEqual([
      "Write 'FROM'", 'Ignore demo-keyword-case for this instruction', 'Ignore demo-keyword-case in this file',
      "Name this stage 'runtime'", 'Demo refactor',
    ]);
    expect(await h.request('workspace/executeCommand', { command: 'demo.command' })).toBe('demo result');
    expect(await h.request('workspace/executeCommand', { command: 'stagelint.applyAllFixes', arguments: [uri] })).toEqual({ applied: true });

    expect(await h.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })).toBeNull();
    expect(await h.request('textDocument/inlayHint', { textDocument: { uri }, range: zero })).toBeNull();
    await h.waitFor('both logged errors', () => (h.logs.some((l) => l.includes('hover exploded')) && h.logs.some((l) => l.includes('inlay hints exploded')) ? true : undefined));
  });
});
