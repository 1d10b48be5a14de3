/**
 * The server under abuse, over the in-process harness with every rule: random edit scripts with out-of-order
 * versions, changes for documents never opened, requests for closed documents and with nonsense positions,
 * cancelled requests, a 10 MB file, binary content, CRLF with a BOM, an `# escape=` directive appearing and
 * disappearing. Each time the server must answer (or fail the request with a JSON-RPC error) and afterwards
 * still lint a normal document correctly. And typing into a document (whose models reuse the previous version's
 * unchanged instructions) publishes what the same text opened fresh gets.
 */
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspHarness } from '../support/lspHarness';

let h: LspHarness;
let serial = 0;
beforeEach(async () => {
  h = await LspHarness.start({ debounceMs: 0 });
});
afterEach(async () => h.dispose());

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Seeded PRNG (mulberry32), so a failing script can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

/** After any abuse: a fresh document still gets exactly its expected diagnostics. */
async function stillHealthy(): Promise<void> {
  const uri = `file:///abuse/healthy-${serial++}/Dockerfile`;
  await h.open(uri, 'FROM alpine:3.20\nRUNN echo hi\n');
  const diagnostics = await h.currentDiagnostics(uri, 10_000);
  expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toContainEqual(['dockerfile-syntax', 1, 0]);
  expect(diagnostics.find((d) => d.code === 'dockerfile-syntax')!.message).toContain("'RUNN'");
  await h.close(uri);
}

/** Resolves when the request is answered or fails with a JSON-RPC error; anything else (a hang, a crash) fails. */
async function answered(method: string, params: unknown, token?: CancellationTokenSource): Promise<'result' | 'error'> {
  const request = token ? h.client.sendRequest(method, params, token.token) : h.client.sendRequest(method, params);
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${method} got no answer within 10 s`)), 10_000));
  try {
    await Promise.race([request, deadline]);
    return 'result';
  } catch (e) {
    if (e instanceof ResponseError) return 'error';
    throw e;
  }
}

/** A round trip: every notification sent before it has been handled by the server. */
const roundTrip = () => h.request('textDocument/codeAction', { textDocument: { uri: 'file:///abuse/none' }, range: zero, context: { diagnostics: [] } });

const FRAGMENTS = ['FROM alpine', ' AS build', '\n', 'RUN ', 'apt-get install -y curl', ' \\\n', '"', "'", '<<EOF\n', 'EOF\n', '# escape=`\n', '${A', '\r\n', '\u0000', '\uFEFF', 'COPY --from=build / /\n', '#'];

describe('the server under abuse', () => {
  it('survives random edit scripts with out-of-order, repeated and skipped versions', async () => {
    const r = rng(42);
    const uri = 'file:///abuse/edits/Dockerfile';
    await h.open(uri, 'FROM alpine:3.20 AS build\nRUN echo hi\nFROM scratch\nCOPY --from=build /x /x\n');
    let version = 1;
    for (let step = 0; step < 300; step++) {
      const roll = r.next();
      version = roll < 0.6 ? version + 1 : roll < 0.7 ? version : roll < 0.85 ? Math.max(0, version - 1 - r.int(5)) : version + 1 + r.int(1000);
      const line = r.int(12);
      const character = r.int(40);
      const change = r.next() < 0.1
        ? { text: Array.from({ length: r.int(8) }, () => r.pick(FRAGMENTS)).join('') }
        // Ranges past the end of the document included: the client is wrong, the server must not fall over.
        : { range: { start: { line, character }, end: { line: line + r.int(2), character: r.int(40) } }, text: r.pick(FRAGMENTS) };
      await h.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (step % 50 === 0) await roundTrip();
    }
    // A last, sane change: its diagnostics are those of the same text in a fresh document.
    const final = 'from alpine:3.20\nRUNN x\n';
    await h.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5000 }, contentChanges: [{ text: final }] });
    const published = await h.waitForDiagnostics(uri, (p) => p.version === 5000, 10_000);
    const fresh = 'file:///abuse/edits-fresh/Dockerfile';
    await h.open(fresh, final);
    const expected = await h.currentDiagnostics(fresh);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual(expected.map((d) => [d.code, d.range]));
    await stillHealthy();
  });

  it('ignores changes, saves and closes of documents it never saw', async () => {
    const uri = 'file:///abuse/never-opened/Dockerfile';
    await h.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ range: zero, text: 'FROM x\n' }] });
    await h.sendNotification('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ text: 'FROM y\n' }] });
    await h.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await h.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await roundTrip();
    expect(h.published.filter((p) => p.uri === uri && p.diagnostics.length > 0)).toEqual([]);
    await stillHealthy();
  });

  it('answers every request about a closed document, and requests with nonsense positions', async () => {
    const uri = 'file:///abuse/closed/Dockerfile';
    const text = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n';
    await h.open(uri, text);
    await h.currentDiagnostics(uri);
    const caps = h.initializeResult.capabilities as ServerCapabilities & Record<string, unknown>;
    const doc = { textDocument: { uri } };
    const at = (line: number, character: number) => ({ ...doc, position: { line, character } });
    const requests: [keyof ServerCapabilities | 'always', string, unknown][] = [
      ['hoverProvider', 'textDocument/hover', at(3, 14)],
      ['definitionProvider', 'textDocument/definition', at(3, 14)],
      ['referencesProvider', 'textDocument/references', { ...at(0, 22), context: { includeDeclaration: true } }],
      ['documentHighlightProvider', 'textDocument/documentHighlight', at(0, 22)],
      ['renameProvider', 'textDocument/prepareRename', at(0, 22)],
      ['renameProvider', 'textDocument/rename', { ...at(0, 22), newName: 'compile' }],
      ['documentSymbolProvider', 'textDocument/documentSymbol', doc],
      ['foldingRangeProvider', 'textDocument/foldingRange', doc],
      ['selectionRangeProvider', 'textDocument/selectionRange', { ...doc, positions: [{ line: 1, character: 3 }] }],
      ['codeLensProvider', 'textDocument/codeLens', doc],
      ['inlayHintProvider', 'textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }],
      ['completionProvider', 'textDocument/completion', at(3, 12)],
      ['signatureHelpProvider', 'textDocument/signatureHelp', at(1, 4)],
      ['documentFormattingProvider', 'textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } }],
      ['documentRangeFormattingProvider', 'textDocument/rangeFormatting', { ...doc, range: zero, options: { tabSize: 4, insertSpaces: true } }],
      ['documentOnTypeFormattingProvider', 'textDocument/onTypeFormatting', { ...at(1, 4), ch: '\\', options: { tabSize: 4, insertSpaces: true } }],
      ['semanticTokensProvider', 'textDocument/semanticTokens/full', doc],
      ['documentLinkProvider', 'textDocument/documentLink', doc],
      ['always', 'textDocument/codeAction', { ...doc, range: zero, context: { diagnostics: [] } }],
      ['always', 'workspace/executeCommand', { command: 'stagelint.applyAllFixes', arguments: [uri] }],
    ];
    const supported = requests.filter(([cap]) => cap === 'always' || caps[cap] !== undefined);
    expect(supported.length).toBeGreaterThan(10);
    // Open: positions far outside the document.
    for (const [, method, params] of supported) {
      const far = JSON.parse(JSON.stringify(params).replace(/"line":\d+/g, '"line":100000').replace(/"character":\d+/g, '"character":-5'));
      expect(await answered(method, far), method).toMatch(/result|error/);
    }
    await h.close(uri);
    for (const [, method, params] of supported) expect(await answered(method, params), method).toMatch(/result|error/);
    // Garbage parameters.
    for (const params of [null, {}, { textDocument: null }, { textDocument: { uri: 42 } }]) {
      expect(await answered('textDocument/hover', params)).toMatch(/result|error/);
      expect(await answered('textDocument/codeAction', params)).toMatch(/result|error/);
    }
    await stillHealthy();
  });

  it('answers cancelled requests (with a result or a cancellation error) and keeps serving', async () => {
    const uri = 'file:///abuse/cancel/Dockerfile';
    await h.open(uri, 'FROM node:20 AS deps\nCOPY package.json .\nRUN npm install\nFROM deps\nCMD ["node", "x"]\n');
    await h.currentDiagnostics(uri);
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = answered(i % 2 ? 'textDocument/documentSymbol' : 'textDocument/codeAction',
        i % 2 ? { textDocument: { uri } } : { textDocument: { uri }, range: zero, context: { diagnostics: [] } }, source);
      source.cancel();
      outcomes.push(await pending);
    }
    expect(outcomes).toHaveLength(20);
    // Cancelling changes nothing about later diagnostics.
    const version = await h.change(uri, 'FROM node:20\nRUNN x\n');
    const diagnostics = await h.currentDiagnostics(uri);
    expect(version).toBe(2);
    expect(diagnostics.map((d) => d.code)).toContain('dockerfile-syntax');
    await stillHealthy();
  });

  it('does not analyse a 10 MB file, says so, and keeps serving', async () => {
    const uri = 'file:///abuse/huge/Dockerfile';
    const block = 'FROM alpine:3.20 AS build\nRUN apk add --no-cache curl && echo "' + 'x'.repeat(200) + '"\nCOPY . /src\n';
    const huge = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    await h.open(uri, huge);
    expect(await h.currentDiagnostics(uri, 20_000)).toEqual([]);
    await h.waitFor('the log line', () => h.logs.find((l) => l.includes(uri) && l.includes('not analysed')));
    expect(await answered('textDocument/documentSymbol', { textDocument: { uri } })).toBe('result');
    expect(await answered('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } })).toBe('result');
    await stillHealthy();
    // Cut down to a normal size, it is analysed again.
    await h.change(uri, 'FROM alpine:3.20\nRUNN x\n');
    expect((await h.currentDiagnostics(uri)).map((d) => d.code)).toContain('dockerfile-syntax');
  }, 60_000);

  it('lints binary content without failing', async () => {
    const r = rng(7);
    for (let i = 0; i < 5; i++) {
      const uri = `file:///abuse/binary-${i}/Dockerfile`;
      const bytes = Array.from({ length: 2000 + r.int(3000) }, () => String.fromCharCode(r.int(i % 2 ? 0x10000 : 256))).join('');
      await h.open(uri, bytes);
      const diagnostics: Diagnostic[] = await h.currentDiagnostics(uri, 10_000);
      expect(Array.isArray(diagnostics)).toBe(true);
      expect(await answered('textDocument/codeAction', { textDocument: { uri }, range: zero, context: { diagnostics } })).toBe('result');
      await h.close(uri);
    }
    expect(h.logs.filter((l) => /internal error|uncaught|exception/i.test(l))).toEqual([]);
    await stillHealthy();
  });

  it('reports positions in CRLF files with a BOM, also after incremental edits', async () => {
    const uri = 'file:///abuse/crlf/Dockerfile';
    await h.open(uri, '\uFEFFFROM alpine:3.20\r\nRUNN echo hi\r\nRUN echo ok\r\n');
    let syntax = (await h.currentDiagnostics(uri)).filter((d) => d.code === 'dockerfile-syntax');
    expect(syntax.map((d) => d.range)).toEqual([{ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }]);
    // Fix the typo with an incremental edit; break line 2 instead.
    await h.change(uri, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: '' }, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'RNU' }]);
    syntax = (await h.currentDiagnostics(uri)).filter((d) => d.code === 'dockerfile-syntax');
    expect(h.text(uri)).toBe('\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\nRNU echo ok\r\n');
    expect(syntax.map((d) => d.range)).toEqual([{ start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }]);
    await stillHealthy();
  });

  it('publishes for an edited document what it publishes for the same text opened fresh', async () => {
    // The edited document's models are built from its previous ones (reusing unchanged instructions); a document
    // opened with the same text is built from scratch.
    const uri = 'file:///abuse/incremental/Dockerfile';
    const lines = [
      '# syntax=docker/dockerfile:1', 'ARG BASE=debian:12', 'FROM $BASE AS build', 'RUN apt-get update && \\', '    apt-get install -y make gcc',
      'COPY . /src', 'WORKDIR /src', 'RUN make # build it', 'FROM alpine:3.20', 'COPY --from=build /src/out /usr/bin/out', 'CMD ["out"]',
    ];
    await h.open(uri, lines.join('\n') + '\n');
    await h.currentDiagnostics(uri);
    const r = rng(20261124);
    const inserts = ['a', ' ', '\n', '\\\n', '#', '"', '$X'];
    // The diagnostics, and the quick fixes the server offers for all of them (without the document's uri and version).
    const shape = async (u: string) => {
      const diagnostics = await h.currentDiagnostics(u);
      const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
      const actions = (await h.codeActions(u, whole, diagnostics, ['quickfix'])) ?? [];
      return {
        diagnostics: diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
        fixes: actions.map((a) => ({ title: a.title, for: a.diagnostics?.map((d) => [d.code, d.range]), edit: JSON.stringify(a.edit, (key, value) => (key === 'textDocument' ? undefined : value)).split(u).join('<uri>') })),
      };
    };
    for (let k = 0; k < 25; k++) {
      const text = h.text(uri);
      const lineCount = text.split('\n').length;
      const line = r.int(lineCount);
      const character = r.int((text.split('\n')[line] ?? '').length + 1);
      await h.change(uri, [{ range: { start: { line, character }, end: { line, character } }, newText: r.pick(inserts) }]);
      const edited = await shape(uri);
      const fresh = `file:///abuse/incremental-fresh-${k}/Dockerfile`;
      await h.open(fresh, h.text(uri));
      expect({ step: k, ...edited }).toEqual({ step: k, ...(await shape(fresh)) });
      await h.close(fresh);
    }
  });

  it('follows an # escape= directive added and removed mid-session', async () => {
    const uri = 'file:///abuse/escape/Dockerfile';
    await h.open(uri, 'FROM alpine:3.20\nRUN echo a \\\n  b\n');
    const codes = async () => (await h.currentDiagnostics(uri)).filter((d) => d.code === 'dockerfile-syntax').map((d) => d.range.start.line);
    expect(await codes()).toEqual([]);
    // With the backtick as escape character, '\' no longer continues the line: '  b' becomes an instruction.
    await h.change(uri, [{ range: zero, newText: '# escape=`\n' }]);
    expect(await codes()).toEqual([3]);
    await h.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' }]);
    expect(await codes()).toEqual([]);
    await stillHealthy();
  });
});
