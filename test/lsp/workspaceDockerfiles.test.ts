import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { pathToUri } from '../../server/src/lsp/configFiles';
import { DEFAULT_LIMITS, findDockerfiles, isDockerfileName, WorkspaceDockerfiles } from '../../server/src/lsp/workspaceDockerfiles';
import { corpusFiles } from '../support/corpus';

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function tree(files: Record<string, string>): string {
  tmp = mkdtempSync(join(tmpdir(), 'stagelint-scan-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(tmp, path, '..'), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
  return tmp!;
}

describe('workspace Dockerfile scan', () => {
  it('recognises Dockerfile names', () => {
    for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.dev', 'dockerfile', 'api.Dockerfile', 'x.containerfile', 'Dockerfile-prod']) expect(isDockerfileName(name), name).toBe(true);
    for (const name of ['Dockerfile.md', 'Dockerfile.orig', 'README', 'Dockerfiles', 'docker-compose.yml']) expect(isDockerfileName(name), name).toBe(false);
  });

  it('walks breadth-first within its limits, skipping node_modules, .git and symlinks', async () => {
    const root = tree({
      'Dockerfile': 'FROM a', 'a/b/c/Dockerfile': 'FROM c', 'a/Dockerfile': 'FROM b', 'node_modules/x/Dockerfile': 'FROM n', '.git/Dockerfile': 'FROM g',
    });
    symlinkSync(join(root, 'a'), join(root, 'link'));
    const all = (await findDockerfiles([root])).map((p) => p.slice(root.length + 1));
    expect(all).toEqual(['Dockerfile', 'a/Dockerfile', 'a/b/c/Dockerfile']);
    expect((await findDockerfiles([root], { ...DEFAULT_LIMITS, maxFiles: 2 })).length).toBe(2);
    expect((await findDockerfiles([root], { ...DEFAULT_LIMITS, maxDepth: 1 })).length).toBe(2);
    expect((await findDockerfiles([root], { ...DEFAULT_LIMITS, maxDirs: 1 })).length).toBe(1);
  });

  it('re-parses a file only when it changes, and prefers the open document', async () => {
    const root = tree({ 'Dockerfile': 'FROM alpine AS one\n', 'sub/Dockerfile': 'FROM alpine AS two\n' });
    let now = 0;
    const ws = new WorkspaceDockerfiles({ ...DEFAULT_LIMITS, rescanMs: 1000 }, () => now);
    const none = () => undefined;
    const first = await ws.symbols([root], [], none, '');
    const again = await ws.symbols([root], [], none, '');
    expect(again.map((s) => s.name)).toEqual(['one', 'two']);
    // Served from the cache: the very same symbol objects, no new parse.
    expect(again[0]).toBe(first[0]);
    writeFileSync(join(root, 'Dockerfile'), 'FROM alpine AS uno\n');
    utimesSync(join(root, 'Dockerfile'), new Date(), new Date(Date.now() + 5000));
    const changed = await ws.symbols([root], [], none, '');
    expect(changed.map((s) => s.name).sort()).toEqual(['two', 'uno']);
    writeFileSync(join(root, 'new.Dockerfile'), 'FROM alpine AS three\n');
    expect((await ws.symbols([root], [], none, '')).length).toBe(2);
    now = 2000;
    expect((await ws.symbols([root], [], none, '')).length).toBe(3);
    // An open document's text wins over the file on disk.
    const openUri = pathToUri(join(root, 'sub', 'Dockerfile'));
    const edited = buildModel('FROM alpine AS edited\n', { uri: openUri });
    const withOpen = await ws.symbols([root], [openUri], (u) => (u === openUri ? edited : undefined), '');
    expect(withOpen[0]!.name).toBe('edited');
    expect(withOpen.slice(1).map((s) => s.name).sort()).toEqual(['three', 'uno']);
  });

  it('keeps only the symbols of files on disk, and forgets files that are gone', async () => {
    const root = tree({ 'a/Dockerfile': 'FROM alpine AS gone\n', 'b/Dockerfile': 'FROM alpine AS stays\n' });
    let now = 0;
    const ws = new WorkspaceDockerfiles({ ...DEFAULT_LIMITS, rescanMs: 1000 }, () => now);
    await ws.symbols([root], [], () => undefined, 'zzz');
    expect(ws.cachedFiles).toBe(2);
    rmSync(join(root, 'a'), { recursive: true });
    now = 2000;
    expect((await ws.symbols([root], [], () => undefined, '')).map((s) => s.name)).toEqual(['stays']);
    expect(ws.cachedFiles).toBe(1);
  });

  it('gives what workspaceSymbols gives for the models of every file (corpus, queries, limits)', async () => {
    const corpus = corpusFiles().slice(0, 60);
    const files: Record<string, string> = {};
    corpus.forEach((file, i) => {
      files[`d${String(i).padStart(3, '0')}/Dockerfile`] = file.text;
    });
    const root = tree(files);
    const ws = new WorkspaceDockerfiles();
    // Two documents are open with other text than on disk.
    const openPaths = [join(root, 'd003', 'Dockerfile'), join(root, 'd010', 'Dockerfile')];
    const openModels = new Map(openPaths.map((path) => [pathToUri(path), buildModel('FROM alpine AS opened\nFROM scratch AS final\n', { uri: pathToUri(path) })]));
    const openUris = [...openModels.keys()];
    const paths = await findDockerfiles([root]);
    const models = [
      ...openModels.values(),
      ...paths.filter((p) => !openPaths.includes(p)).map((p) => buildModel(files[p.slice(root.length + 1)]!, { uri: pathToUri(p) })),
    ];
    for (const query of ['', 'build', 'b', 'rt', 'opened', 'nomatch', 'stage']) {
      for (const limit of [500, 7, 1]) {
        for (const round of [1, 2]) {
          const got = await ws.symbols([root], openUris, (u) => openModels.get(u), query, limit);
          expect(got, `${query} ${limit} ${round}`).toEqual(workspaceSymbols(models, query, limit));
        }
      }
    }
  });
});
