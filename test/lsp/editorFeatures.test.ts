import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Range, SemanticTokens, WorkspaceEdit, WorkspaceSymbol,
} from 'vscode-languageserver-types';
import { STAGE_GRAPH_REQUEST, type StageGraph } from '../../shared/src/protocol';
import { at, NODE_APP } from '../features/fixtures';
import { fileUri, LspHarness, vscodeLikeCapabilities } from '../support/lspHarness';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
let tmp: string | undefined;
afterEach(async () => {
  await h?.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function capabilities() {
  const caps = vscodeLikeCapabilities(false);
  return { ...caps, textDocument: { ...caps.textDocument, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown' as const] } } };
}

async function start(options: Parameters<typeof LspHarness.start>[0] = {}): Promise<void> {
  h = await LspHarness.start({ capabilities: capabilities(), ...options });
  await h.open(uri, NODE_APP);
}

const doc = { uri };
const pos = (needle: string, offset = 0) => at(NODE_APP, needle, offset);
const hoverText = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

describe('editor features over LSP', () => {
  it('advertises stage features and, by default without another Docker server, the generic ones', async () => {
    await start();
    const caps = h.initializeResult.capabilities;
    expect(caps.hoverProvider).toBe(true);
    expect(caps.renameProvider).toEqual({ prepareProvider: true });
    expect(caps.inlayHintProvider).toBeTruthy();
    expect(caps.semanticTokensProvider?.legend.tokenTypes[0]).toBe('keyword');
    expect(caps.documentFormattingProvider).toBe(true);
  });

  it('hides the generic features when another Dockerfile server is active, or in stagesOnly', async () => {
    h = await LspHarness.start({ capabilities: capabilities(), initializationOptions: { otherDockerServerActive: true } });
    expect(h.initializeResult.capabilities.semanticTokensProvider).toBeUndefined();
    expect(h.initializeResult.capabilities.codeLensProvider).toBeTruthy();
    await h.dispose();
    h = await LspHarness.start({ capabilities: capabilities(), initializationOptions: { editorFeatures: 'stagesOnly' }, settings: { editorFeatures: 'stagesOnly' } });
    await h.open(uri, NODE_APP);
    expect(h.initializeResult.capabilities.documentFormattingProvider).toBeUndefined();
    expect(hoverText(await h.request<Hover | null>('textDocument/hover', { textDocument: doc, position: pos('RUN npm test', 1) }))).toBe('');
    expect(hoverText(await h.request<Hover | null>('textDocument/hover', { textDocument: doc, position: pos('--from=deps', 8) }))).toContain('**Stage `deps`**');
  });

  it('hover: stage card per role, keyword card, and rule summaries', async () => {
    await start();
    const card = async (needle: string, offset: number) => hoverText(await h.request<Hover | null>('textDocument/hover', { textDocument: doc, position: pos(needle, offset) }));
    // A name that says the role is not followed by the role again.
    expect(await card('AS base', 4)).toContain('**Stage `base`** — a common starting point');
    expect(await card('AS deps', 4)).toContain('· dependencies —');
    expect(await card('AS build', 4)).toContain('· builder —');
    expect(await card('AS test', 4)).toContain('**Stage `test`** — runs tests');
    expect(await card('AS runtime', 4)).toContain('· final image —');
    expect(await card('--from=2', 7)).toContain('**Stage `build`**');
    expect(await card('RUN npm test', 1)).toContain('**`RUN`**');
    // Variables: the generic service's hover.
    expect(await card('${BASE}', 3)).toContain('node:');
  });

  it('definition, references and highlight across all reference kinds', async () => {
    await start();
    const def = await h.request<Location[]>('textDocument/definition', { textDocument: doc, position: pos('from=build', 6) });
    expect(def[0]!.range.start.line).toBe(pos('AS build').line);
    const refs = await h.request<Location[]>('textDocument/references', { textDocument: doc, position: pos('AS build', 4), context: { includeDeclaration: false } });
    expect(refs.map((r) => r.range.start.line + 1)).toEqual([19, 28, 29]);
    const highlights = await h.request<unknown[]>('textDocument/documentHighlight', { textDocument: doc, position: pos('--from=deps', 8) });
    expect(highlights).toHaveLength(3);
  });

  it('rename renames every named reference; invalid positions get an error message', async () => {
    await start();
    const prep = await h.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: doc, position: pos('--from=2', 7) });
    expect(prep.placeholder).toBe('build');
    const edit = await h.request<WorkspaceEdit>('textDocument/rename', { textDocument: doc, position: pos('--from=2', 7), newName: 'compile' });
    await h.apply(edit);
    expect(h.text(uri)).toContain('FROM compile AS test');
    expect(h.text(uri)).toContain('from=compile,');
    await expect(h.request('textDocument/prepareRename', { textDocument: doc, position: pos('golang:1.22', 1) })).rejects.toThrow(/image reference/);
  });

  it('symbols, folding, selection ranges', async () => {
    await start();
    const symbols = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: doc });
    expect(symbols.map((s) => s.name)).toEqual(['global ARGs', 'base', 'deps', 'build', 'test', 'tools', 'runtime']);
    const folds = await h.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: doc });
    expect(folds).toContainEqual({ startLine: 24, endLine: 31, kind: 'region' });
    const sel = await h.request<{ range: Range; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: doc, positions: [pos('npm ci', 1)] });
    expect(sel[0]!.parent).toBeTruthy();
  });

  it('code lens and inlay hints', async () => {
    await start();
    const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc });
    expect(lenses.map((l) => l.command!.title)).toContain('dependencies · used by build (1 copy), runtime (1 copy)');
    expect(lenses.filter((l) => l.command!.command === 'stagelint.buildStage')).toHaveLength(6);
    const hints = await h.request<InlayHint[]>('textDocument/inlayHint', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    expect(hints.map((x) => x.label)).toEqual(['= node:20-alpine', 'separate target', 'unreachable', '→ build']);
  });

  it('completion: stages after --from=, instructions from the generic service elsewhere', async () => {
    h = await LspHarness.start({ capabilities: capabilities() });
    const text = 'FROM golang AS build\nFROM alpine\nCOPY --from=\nHEALTH';
    await h.open(uri, text);
    const stages = await h.request<CompletionItem[]>('textDocument/completion', { textDocument: doc, position: { line: 2, character: 12 } });
    expect(stages.map((i) => i.label)).toEqual(['build']);
    const generic = await h.request<CompletionItem[]>('textDocument/completion', { textDocument: doc, position: { line: 3, character: 6 } });
    expect(generic.map((i) => i.label)).toContain('HEALTHCHECK CMD');
  });

  it('stage graph request and semantic tokens', async () => {
    await start();
    const graph = await h.request<StageGraph>(STAGE_GRAPH_REQUEST, { uri });
    expect(graph.nodes).toHaveLength(6);
    expect(graph.nodes.find((n) => n.isTarget)!.label).toBe('runtime');
    expect(await h.request(STAGE_GRAPH_REQUEST, { uri: 'file:///nope/Dockerfile' })).toBeNull();
    const tokens = await h.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: doc });
    expect(tokens.data.length).toBeGreaterThan(50);
  });

  it('workspace symbols: stages of Dockerfiles on disk and open ones, skipping node_modules and symlinks', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'stagelint-ws-'));
    mkdirSync(join(tmp, 'api'));
    mkdirSync(join(tmp, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(tmp, 'api', 'Dockerfile'), 'FROM golang AS apibuilder\nFROM alpine AS apiruntime\n');
    writeFileSync(join(tmp, 'worker.Dockerfile'), 'FROM python AS workerdeps\n');
    writeFileSync(join(tmp, 'node_modules', 'pkg', 'Dockerfile'), 'FROM alpine AS hidden\n');
    symlinkSync(join(tmp, 'api'), join(tmp, 'linked'));
    h = await LspHarness.start({ capabilities: capabilities(), workspaceFolders: [tmp] });
    h.client.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(tmp!), name: 'ws' }]);
    await h.open(uri, NODE_APP);
    const all = await h.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
    const names = all.map((s) => s.name).sort();
    expect(names).toEqual(['apibuilder', 'apiruntime', 'base', 'build', 'deps', 'runtime', 'test', 'tools', 'workerdeps']);
    const some = await h.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'apirt' });
    expect(some.map((s) => s.name)).toEqual(['apiruntime']);
    expect((some[0]!.location as Location).uri).toBe(fileUri(join(tmp, 'api', 'Dockerfile')));
  });
});
