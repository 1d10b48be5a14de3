import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { docsUrl } from '../../shared/src/docsUrl';
import { df } from '../support/dockerfile';
import { LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
afterEach(async () => h?.dispose());

const byRule = (ds: readonly Diagnostic[], id: string) => ds.filter((d) => d.code === id);

describe('push diagnostics', () => {
  it('publishes every field for a single-stage file', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, df`
      from alpine:3.19 AS app
      MAINTAINER someone
      EXPOSE 0
    `);
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => [d.code, d.range.start.line, d.severity])).toEqual([
      ['demo-keyword-case', 0, DiagnosticSeverity.Warning],
      ['demo-maintainer', 1, DiagnosticSeverity.Information],
      ['demo-unused-expose', 2, DiagnosticSeverity.Hint],
    ]);
    for (const d of ds) {
      expect(d.source).toBe('stagelint');
      expect(d.codeDescription?.href).toBe(docsUrl(String(d.code)));
      // Fixes stay on the server (code actions find them); a diagnostic carries none.
      expect(d.data).toBeUndefined();
    }
    const [keyword, maintainer, expose] = ds as [Diagnostic, Diagnostic, Diagnostic];
    expect(keyword.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    // The quick fixes of a diagnostic, without the ignore-comment and fix-all actions.
    const fixesOf = async (d: Diagnostic) =>
      ((await h.codeActions(uri, d.range, [d], ['quickfix'])) ?? []).map((a) => a.title).filter((t) => !t.startsWith('Ignore ') && !t.startsWith('Fix all '));
    const [keywordFix] = (await h.codeActions(uri, keyword.range, [keyword], ['quickfix'])) ?? [];
    expect(keywordFix).toMatchObject({ title: "Write 'FROM'", kind: 'quickfix', isPreferred: true, diagnostics: [keyword] });
    expect(keywordFix?.edit?.documentChanges?.[0]).toMatchObject({ edits: [{ range: keyword.range, newText: 'FROM' }] });
    expect(maintainer.tags).toEqual([DiagnosticTag.Deprecated]);
    expect(maintainer.relatedInformation).toEqual([
      { location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } } }, message: 'in this stage' },
    ]);
    expect(await fixesOf(maintainer)).toEqual(['Replace with a LABEL', 'Remove MAINTAINER (unsafe)']);
    expect(expose.tags).toEqual([DiagnosticTag.Unnecessary]);
  });
});

describe('with the rule catalog', () => {
  it('reports a duplicate stage name in a multi-stage file, with the first definition as related information', async () => {
    h = await LspHarness.start();
    await h.open(uri, df`
      FROM golang:1.22 AS build
      RUN go build -o /app .

      FROM alpine:3.19 AS Build
      COPY --from=build /app /app
    `);
    const ds = byRule(await h.currentDiagnostics(uri), 'no-duplicate-stage-name');
    expect(ds).toHaveLength(1);
    const d = ds[0]!;
    expect(d.severity).toBe(DiagnosticSeverity.Error);
    expect(d.range).toEqual({ start: { line: 3, character: 20 }, end: { line: 3, character: 25 } });
    expect(d.message).toContain("'Build'");
    expect(d.relatedInformation?.[0]?.location.range).toEqual({ start: { line: 0, character: 20 }, end: { line: 0, character: 25 } });
    expect(d.codeDescription?.href).toBe(docsUrl('no-duplicate-stage-name'));
  });

  it('leaves out relatedInformation and tags the client does not support', async () => {
    h = await LspHarness.start({ rules: demoRules, capabilities: { workspace: { configuration: true } } });
    await h.open(uri, 'FROM alpine\nMAINTAINER me\nEXPOSE 0\n');
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => d.code)).toEqual(['demo-maintainer', 'demo-unused-expose']);
    expect(ds.every((d) => d.relatedInformation === undefined && d.tags === undefined)).toBe(true);
  });
});

describe('pull diagnostics', () => {
  it('announces a diagnostic provider and answers textDocument/diagnostic with a full report', async () => {
    h = await LspHarness.start({ rules: demoRules, pull: true });
    expect(h.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    await h.open(uri, 'from alpine\nrun true\n');
    const report = await h.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d) => [d.code, d.range.start.line])).toEqual([['demo-keyword-case', 0], ['demo-keyword-case', 1]]);
    // Nothing is pushed for documents the client pulls.
    expect(h.published.filter((p) => p.uri === uri)).toEqual([]);
  });

  it('asks the client to pull again when settings change', async () => {
    h = await LspHarness.start({ rules: demoRules, pull: true });
    await h.open(uri, 'from alpine\n');
    await h.request('textDocument/diagnostic', { textDocument: { uri } });
    h.settings = { rules: { 'demo-keyword-case': 'off' } };
    await h.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitFor('a refresh request', () => (h.refreshRequests > 0 ? true : undefined));
    const report = await h.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.items).toEqual([]);
  });

  it('with run: onSave, keeps answering with the saved version until the next save', async () => {
    h = await LspHarness.start({ rules: demoRules, pull: true, settings: { run: 'onSave' } });
    const pull = () => h.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }).then((r) => r.items.map((d) => [d.code, d.range.start.line]));
    await h.open(uri, 'FROM alpine\n');
    expect(await pull()).toEqual([]);
    await h.change(uri, 'from alpine\n');
    expect(await pull()).toEqual([]);
    const refreshes = h.refreshRequests;
    await h.save(uri);
    await h.waitFor('a refresh request', () => (h.refreshRequests > refreshes ? true : undefined));
    expect(await pull()).toEqual([['demo-keyword-case', 0]]);
    // Typing does not change the answer (the current text has a problem on line 1 too) until the next save.
    await h.change(uri, 'from alpine\nrun true\n');
    expect(await pull()).toEqual([['demo-keyword-case', 0]]);
  });

  it('returns an empty report for an unknown document', async () => {
    h = await LspHarness.start({ rules: demoRules, pull: true });
    const report = await h.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/Dockerfile' } });
    expect(report).toEqual({ kind: 'full', items: [] });
  });
});

describe('settings', () => {
  it('pulls the stagelint section scoped to the document', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, 'FROM alpine\n');
    await h.currentDiagnostics(uri);
    expect(h.configurationRequests).toEqual([{ items: [{ scopeUri: uri, section: 'stagelint' }] }]);
  });

  it('applies stagelint.rules overrides and stagelint.enable after didChangeConfiguration', async () => {
    h = await LspHarness.start({ rules: demoRules, settings: {} });
    await h.open(uri, 'from alpine\nMAINTAINER me\n');
    expect((await h.currentDiagnostics(uri)).map((d) => [d.code, d.severity])).toEqual([
      ['demo-keyword-case', DiagnosticSeverity.Warning], ['demo-maintainer', DiagnosticSeverity.Information],
    ]);

    h.settings = { rules: { 'demo-keyword-case': 'error', 'demo-maintainer': 'off' } };
    await h.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0]!.severity === DiagnosticSeverity.Error);

    h.settings = { enable: false };
    await h.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('takes pushed settings from clients without workspace/configuration', async () => {
    h = await LspHarness.start({ rules: demoRules, capabilities: {} });
    await h.open(uri, 'from alpine\n');
    expect(await h.currentDiagnostics(uri)).toHaveLength(1);
    await h.sendNotification('workspace/didChangeConfiguration', { settings: { stagelint: { rules: { 'demo-keyword-case': 'off' } } } });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(h.configurationRequests).toEqual([]);
  });

  it('with run: onSave, diagnoses on open and save but not while typing', async () => {
    h = await LspHarness.start({ rules: demoRules, settings: { run: 'onSave' }, debounceMs: 10 });
    await h.open(uri, 'FROM alpine\n');
    await h.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 0);
    await h.change(uri, 'from alpine\n');
    // A later request is answered after the change was handled; no diagnostics for version 2 were pushed.
    await h.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    await h.currentDiagnostics(uri, 200).then(
      () => expect.fail('diagnostics were pushed while typing'),
      (e: Error) => expect(e.message).toContain('timed out'),
    );
    await h.save(uri);
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => d.code)).toEqual(['demo-keyword-case']);
  });
});

describe('document lifecycle', () => {
  it('debounces changes and publishes only the latest version', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, 'FROM alpine\n');
    await h.currentDiagnostics(uri);
    await h.change(uri, 'from alpine\n');
    await h.change(uri, 'from alpine\nrun true\n');
    await h.change(uri, 'from alpine\nrun true\nexpose 80\n');
    const ds = await h.currentDiagnostics(uri);
    expect(ds).toHaveLength(3);
    expect(h.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 4]);
  });

  it('never publishes results computed for an older version', async () => {
    h = await LspHarness.start({ rules: demoRules, debounceMs: 0 });
    const release = h.holdConfiguration();
    await h.open(uri, 'FROM alpine\n');
    await h.waitFor('the configuration request', () => (h.configurationRequests.length > 0 ? true : undefined));
    await h.change(uri, 'from alpine\n');
    await h.request('textDocument/codeAction', { textDocument: { uri: 'file:///other' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    release();
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => d.code)).toEqual(['demo-keyword-case']);
    expect(h.published.filter((p) => p.uri === uri).every((p) => p.version === 2)).toBe(true);
  });

  it('frees the model and clears diagnostics on close', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, 'from alpine\n');
    expect(await h.currentDiagnostics(uri)).toHaveLength(1);
    expect(h.server.cache.size).toBe(1);
    await h.close(uri);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(h.server.cache.size).toBe(0);
    // Requests about the closed document get empty answers.
    const actions = await h.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, context: { diagnostics: [] } });
    expect(actions).toEqual([]);
  });
});
