import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, findDockerfiles, isDockerfileName, WorkspaceDockerfiles } from '../../server/src/lsp/workspaceDockerfiles';

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
    const first = await ws.all([root], [], () => undefined);
    const again = await ws.all([root], [], () => undefined);
    expect(again[0]).toBe(first[0]);
    writeFileSync(join(root, 'Dockerfile'), 'FROM alpine AS uno\n');
    utimesSync(join(root, 'Dockerfile'), new Date(), new Date(Date.now() + 5000));
    const changed = await ws.all([root], [], () => undefined);
    expect(changed.flatMap((m) => m.stages.map((s) => s.label)).sort()).toEqual(['two', 'uno']);
    writeFileSync(join(root, 'new.Dockerfile'), 'FROM alpine AS three\n');
    expect((await ws.all([root], [], () => undefined)).length).toBe(2);
    now = 2000;
    expect((await ws.all([root], [], () => undefined)).length).toBe(3);
  });
});
