import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ConfigFiles } from '../../server/src/lsp/configFiles';
import { fileUri, LspHarness } from '../support/lspHarness';
import { demoRules, unreachable } from './demoRules';

let h: LspHarness;
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stagelint-config-'));
});
afterEach(async () => {
  await h?.dispose();
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const changed = (path: string, type: 1 | 2 | 3 = 2) => h.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type }] });
const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code);

describe('.stagelint.json', () => {
  it('is found by walking up from the Dockerfile to the workspace folder', async () => {
    write('.stagelint.json', JSON.stringify({ rules: { 'demo-keyword-case': 'off' } }));
    const uri = fileUri(write('services/api/Dockerfile', 'from alpine\nMAINTAINER me\n'));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'from alpine\nMAINTAINER me\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-maintainer']);
  });

  it('stops at the workspace folder', async () => {
    write('.stagelint.json', JSON.stringify({ rules: { 'demo-keyword-case': 'off' } }));
    const uri = fileUri(write('inner/Dockerfile', 'from alpine\n'));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [join(root, 'inner')] });
    await h.open(uri, 'from alpine\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-keyword-case']);
  });

  it('editor settings override the config file', async () => {
    write('.stagelint.json', JSON.stringify({ rules: { 'demo-keyword-case': 'off' } }));
    const uri = fileUri(write('Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root], settings: { rules: { 'demo-keyword-case': 'error' } } });
    await h.open(uri, 'from alpine\n');
    expect((await h.currentDiagnostics(uri)).map((d) => d.severity)).toEqual([DiagnosticSeverity.Error]);
  });

  it('is reloaded after workspace/didChangeWatchedFiles', async () => {
    const config = write('.stagelint.json', JSON.stringify({ rules: {} }));
    const uri = fileUri(write('Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'from alpine\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-keyword-case']);

    writeFileSync(config, JSON.stringify({ rules: { 'demo-keyword-case': 'off' } }));
    await changed(config);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);

    unlinkSync(config);
    await changed(config, 3);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
  });

  it('a config created later is picked up', async () => {
    const uri = fileUri(write('app/Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'from alpine\n');
    expect(await h.currentDiagnostics(uri)).toHaveLength(1);
    const config = write('.stagelint.json', '{"rules": {"demo-keyword-case": "off"}}');
    await changed(config, 1);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('an invalid entry becomes a diagnostic on the config file, and the rest still applies', async () => {
    const configText = '{\n  "rules": {\n    "demo-keyword-case": "off",\n    "demo-maintainr": "warning"\n  }\n}\n';
    const config = write('.stagelint.json', configText);
    const uri = fileUri(write('Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'from alpine\nMAINTAINER me\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-maintainer']);
    const published = await h.waitForDiagnostics(fileUri(config));
    expect(published.diagnostics).toHaveLength(1);
    const d = published.diagnostics[0]!;
    expect(d.source).toBe('stagelint');
    expect(d.severity).toBe(DiagnosticSeverity.Warning);
    expect(d.message).toContain("'demo-maintainr'");
    expect(d.message).toContain("did you mean 'demo-maintainer'");
    expect(d.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 20 } });

    // Fixing the file clears its diagnostic.
    writeFileSync(config, '{ "rules": { "demo-keyword-case": "off" } }\n');
    await changed(config);
    await h.waitForDiagnostics(fileUri(config), (p) => p.diagnostics.length === 0);
  });

  it('malformed JSON: one error on the config file, defaults apply', async () => {
    const config = write('.stagelint.json', '{\n  "rules": {\n    "demo-keyword-case": "off",\n  }\n}\n');
    const uri = fileUri(write('Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'from alpine\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-keyword-case']);
    const published = await h.waitForDiagnostics(fileUri(config));
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]!.severity).toBe(DiagnosticSeverity.Error);
    expect(published.diagnostics[0]!.message).toMatch(/^Invalid JSON: .*; the default configuration applies$/);
    expect(published.diagnostics[0]!.range.start.line).toBe(3);

    // Deleting the config removes its diagnostics.
    unlinkSync(config);
    await changed(config, 3);
    await h.waitForDiagnostics(fileUri(config), (p) => p.diagnostics.length === 0);
  });

  it('ignorePatterns silence matching Dockerfiles', async () => {
    write('.stagelint.json', JSON.stringify({ ignorePatterns: ['vendor/**'] }));
    const vendored = fileUri(write('vendor/lib/Dockerfile', ''));
    const own = fileUri(write('app/Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(vendored, 'from alpine\n');
    await h.open(own, 'from alpine\n');
    expect(await h.currentDiagnostics(vendored)).toEqual([]);
    expect(await h.currentDiagnostics(own)).toHaveLength(1);
  });

  it('targets from the config and from stagelint.targets count as build targets', async () => {
    const text = 'FROM alpine AS test\nFROM alpine AS lint\nFROM alpine AS final\n';
    write('.stagelint.json', JSON.stringify({ targets: ['test'] }));
    const uri = fileUri(write('Dockerfile', text));
    h = await LspHarness.start({ rules: [unreachable], workspaceFolders: [root] });
    await h.open(uri, text);
    expect((await h.currentDiagnostics(uri)).map((d) => d.message)).toEqual(["Stage 'lint' is not built"]);
    h.settings = { targets: ['lint'] };
    await h.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });
});

describe('.dockerignore', () => {
  it('is re-read after a watched-file event', async () => {
    const uri = fileUri(write('Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'FROM node:20\nCOPY . /app\n');
    expect(codes(await h.currentDiagnostics(uri))).toEqual(['demo-needs-dockerignore']);
    const ignore = write('.dockerignore', 'node_modules\n');
    await changed(ignore, 1);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('prefers <Dockerfile>.dockerignore beside the Dockerfile', async () => {
    write('api.Dockerfile.dockerignore', 'node_modules\n');
    const uri = fileUri(write('api.Dockerfile', ''));
    h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
    await h.open(uri, 'FROM node:20\nCOPY . /app\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });
});

describe('ConfigFiles lookups', () => {
  it('a closed document drops the lookups of its folders; documents still open find the same config again', () => {
    const config = write('.stagelint.json', JSON.stringify({ rules: { 'demo-keyword-case': 'off' } }));
    const a = write('services/api/Dockerfile', 'FROM alpine\n');
    const b = write('services/api/Dockerfile.dev', 'FROM alpine\n');
    const c = write('tools/Dockerfile', 'FROM alpine\n');
    const configs = new ConfigFiles(demoRules, true);
    configs.setWorkspaceFolders([root]);
    for (const doc of [a, b, c]) expect(configs.forDocument(doc)?.path).toBe(config);
    // root, services, services/api, tools
    expect(configs.cachedLocations).toBe(4);
    configs.forget(a);
    expect(configs.cachedLocations).toBe(1);
    expect(configs.forDocument(b)?.path).toBe(config);
    expect(configs.forDocument(c)?.path).toBe(config);
    configs.forget(b);
    configs.forget(c);
    expect(configs.cachedLocations).toBe(0);
  });
});
