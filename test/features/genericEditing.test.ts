import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SEMANTIC_TOKENS_LEGEND, documentLinks, formatDocument, genericCompletion, genericDefinition, genericHover, genericRename,
  semanticTokens, signatureHelp,
} from '../../server/src/features/genericEditing';
import { df } from '../support/dockerfile';
import { model } from './fixtures';

const TEXT = df`
  ARG VERSION=3.19
  FROM alpine:\${VERSION} AS base
  ENV APP_HOME=/app
  WORKDIR \$APP_HOME
  run echo hi
`;

describe('generic editing from dockerfile-language-service', () => {
  it('completes instruction keywords', async () => {
    const text = 'FROM alpine\nHEALTH';
    const items = await genericCompletion(model(text), { line: 1, character: 6 }, { snippetSupport: false });
    expect(items.map((i) => i.label)).toContain('HEALTHCHECK CMD');
  });

  it('never loads the Docker Hub client: only deep imports of side-effect-free modules', () => {
    const source = readFileSync(join(process.cwd(), 'server/src/features/genericEditing.ts'), 'utf8');
    const valueImports = [...source.matchAll(/^import (?!type )[^;]*from '(dockerfile-language-service[^']*)'/gm)].map((m) => m[1]!);
    expect(valueImports.length).toBeGreaterThan(5);
    for (const spec of valueImports) expect(spec).toMatch(/^dockerfile-language-service\/lib\/docker(?!RegistryClient)\w+$/);
  });

  it('image tag completion is empty (no network)', async () => {
    const text = 'FROM alpine:3\n';
    const items = await genericCompletion(model(text), { line: 0, character: 13 });
    expect(items).toEqual([]);
  });

  it('gives signature help, semantic tokens with our legend, links and formatting', () => {
    const help = signatureHelp(model(TEXT), { line: 1, character: 5 });
    expect(help?.signatures.length).toBeGreaterThan(0);
    const tokens = semanticTokens(model(TEXT));
    expect(tokens.data.length % 5).toBe(0);
    // First token: the ARG keyword (type index 0 = keyword in the legend).
    expect(tokens.data.slice(0, 4)).toEqual([0, 0, 3, 0]);
    expect(SEMANTIC_TOKENS_LEGEND.tokenTypes[0]).toBe('keyword');
    expect(documentLinks(model(TEXT)).length).toBe(1);
    const edits = formatDocument(model('FROM alpine\n   RUN true\n'), { tabSize: 4, insertSpaces: true });
    expect(edits).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: '' }]);
  });

  it('resolves variables for hover, definition and rename', () => {
    const m = model(TEXT);
    const hover = genericHover(m, { line: 3, character: 10 });
    expect(JSON.stringify(hover?.contents)).toContain('/app');
    const [def] = genericDefinition(m, { line: 3, character: 10 });
    expect(def!.range.start.line).toBe(2);
    const edits = genericRename(m, { line: 3, character: 10 }, 'HOME_DIR');
    expect(edits.map((e) => e.range.start.line).sort()).toEqual([2, 3]);
  });
});
