/** Helpers shared by the refactor suites: reading Dockerfiles, mapping positions through edits. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { corpusFiles } from '../support/corpus';

export const repoRoot = resolve(__dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');

export interface DockerfileInput {
  readonly name: string;
  readonly text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const DOCKERFILE = /(^|[./])(Dockerfile|Containerfile)([._-][^/]*)?$|\.(dockerfile|Dockerfile|Containerfile)$/;

/** Every Dockerfile of the shared corpus (read-only: read into strings) and of test/fixtures. */
export function dockerfiles(): DockerfileInput[] {
  const corpus = corpusFiles().map((f) => ({ name: `corpus/${f.name}`, text: f.text }));
  const fixtures = walk(fixturesDir)
    .filter((p) => DOCKERFILE.test(p.split('/').pop()!) && !p.includes('/expected/'))
    .map((p) => ({ name: `fixtures/${relative(fixturesDir, p)}`, text: readFileSync(p, 'utf8') }));
  return [...corpus, ...fixtures];
}

/**
 * Where a position of the original text ends up after `edits`: shifted by the edits before it; a position
 * inside an edited range lands on the start of the replacement.
 */
export function mapPosition(text: string, edits: readonly TextEdit[], position: Position): Position {
  const before = TextDocument.create('file:///a', 'dockerfile', 0, text);
  const offset = before.offsetAt(position);
  let delta = 0;
  let landed: number | undefined;
  const sorted = [...edits].map((e) => ({ start: before.offsetAt(e.range.start), end: before.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  for (const e of sorted) {
    if (e.end <= offset) delta += e.text.length - (e.end - e.start);
    else if (e.start <= offset && offset < e.end) landed = e.start + delta;
  }
  const after = TextDocument.create('file:///b', 'dockerfile', 0, TextDocument.applyEdits(before, [...edits]));
  return after.positionAt(landed ?? offset + delta);
}
