// Closed documents keep nothing: after opening, editing and querying many documents (more than the model cache
// holds) and closing them all, every per-document map of the server is empty again. A map that forgets to drop
// its entry on didClose grows with every document an editor session ever opened.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspHarness } from '../support/lspHarness';

const DOCUMENTS = 30;
const TEXT = 'FROM node:20 AS build\nRUN npm install\nfrom alpine\nCOPY --from=build /app /app\n';
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let root: string;
let h: LspHarness | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stagelint-closed-'));
});
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** Dockerfiles in folders of their own, each with a .dockerignore (so the context facts are cached per document). */
function documentUris(): string[] {
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const dir = join(root, `service-${i}`);
    mkdirSync(dir);
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    writeFileSync(join(dir, 'Dockerfile'), TEXT);
    return pathToFileURL(join(dir, 'Dockerfile')).toString();
  });
}

async function exercise(harness: LspHarness, uris: readonly string[], pull: boolean): Promise<void> {
  for (const uri of uris) await harness.open(uri, TEXT);
  for (const uri of uris) {
    await harness.change(uri, TEXT.replace('from alpine', 'FROM alpine'));
    const diagnostics = pull
      ? (await harness.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items
      : await harness.currentDiagnostics(uri);
    await harness.codeActions(uri, zero, diagnostics);
    await harness.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
  }
}

describe('closed documents', () => {
  for (const pull of [false, true]) {
    it(`free every per-document entry (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
      h = await LspHarness.start({ pull, debounceMs: 0 });
      const uris = documentUris();
      await exercise(h, uris, pull);
      const open = h.server.documentEntries();
      // The maps are in use while the documents are open (so the check below can fail).
      expect(open).toMatchObject({ documents: DOCUMENTS, opened: DOCUMENTS, snapshots: DOCUMENTS, settings: DOCUMENTS, dockerignores: DOCUMENTS });
      // Each document's folder, and the folders above it up to the file-system root, have a cached config lookup.
      expect(open['configLookups']).toBeGreaterThan(DOCUMENTS);
      expect(open['models']).toBeGreaterThan(0);

      for (const uri of uris) await h.close(uri);
      // Answered only after every didClose before it was handled.
      await h.request('textDocument/codeAction', { textDocument: { uri: uris[0] }, range: zero, context: { diagnostics: [] } });
      const closed = h.server.documentEntries();
      expect(Object.keys(closed)).toEqual(Object.keys(open));
      expect(Object.entries(closed).filter(([, n]) => n !== 0)).toEqual([]);
    });
  }
});
