import { describe, expect, it } from 'vitest';
import { SymbolKind } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { workspaceSymbols, matchesQuery } from '../../server/src/features/workspaceSymbols';
import { buildModel } from '../../server/src/analysis/buildModel';
import { GO_APP, NODE_APP, at, model, textAt } from './fixtures';

describe('document symbols', () => {
  const symbols = documentSymbols(model(NODE_APP));
  it('groups global ARGs, then one symbol per stage with its instructions', () => {
    expect(symbols.map((s) => s.name)).toEqual(['global ARGs', 'base', 'deps', 'build', 'test', 'tools', 'runtime']);
    expect(symbols[0]!.detail).toBe('NODE_VERSION, BASE');
    expect(symbols[0]!.children!.map((c) => c.name)).toEqual(['ARG', 'ARG']);
    const runtime = symbols[6]!;
    expect(runtime.kind).toBe(SymbolKind.Class);
    expect(runtime.detail).toBe('final image · FROM base');
    expect(runtime.children!.map((c) => c.name)).toEqual(['USER', 'COPY', 'COPY', 'RUN', 'EXPOSE', 'CMD']);
    expect(runtime.children![3]!.detail).toContain('--mount=type=bind,from=build');
    expect(symbols[4]!.detail).toBe('test · FROM build · separate target');
    expect(symbols[5]!.detail).toBe('builder · golang:1.22 · unreachable');
  });

  it('keeps children inside their parent and selection inside range', () => {
    for (const s of symbols) {
      for (const c of s.children ?? []) {
        expect(c.range.start.line).toBeGreaterThanOrEqual(s.range.start.line);
        expect(c.range.end.line).toBeLessThanOrEqual(s.range.end.line);
      }
      expect(s.selectionRange.start.line).toBeGreaterThanOrEqual(s.range.start.line);
    }
  });

  it('names unnamed stages by index and line, the last one as the final stage', () => {
    expect(documentSymbols(model(GO_APP)).map((s) => s.name)).toEqual(['stage 0 on line 1', 'final stage on line 8']);
  });
});

describe('folding', () => {
  it('folds each stage, the global ARGs, multi-line instructions', () => {
    const ranges = foldingRanges(model(NODE_APP));
    const lines = ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? `:${r.kind}` : ''}`);
    expect(lines).toEqual(expect.arrayContaining(['2-3:region', '5-7:region', '9-11:region', '13-16:region', '19-20:region', '22-23:region', '25-32:region', '29-30']));
  });

  it('folds blocks of comments and respects the limit', () => {
    const text = '# one\n# two\n# three\nFROM alpine\nRUN true\n';
    const ranges = foldingRanges(model(text));
    expect(ranges).toContainEqual({ startLine: 0, endLine: 2, kind: 'comment' });
    expect(foldingRanges(model(NODE_APP), 2)).toHaveLength(2);
  });
});

describe('selection ranges', () => {
  it('expands word → option → flag → instruction → stage → file', () => {
    const [sel] = selectionRanges(model(NODE_APP), [at(NODE_APP, 'from=build', 7)]);
    const chain: string[] = [];
    for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(textAt(NODE_APP, s.range).split('\n')[0]!);
    expect(chain[0]).toBe('build');
    expect(chain[1]).toBe('from=build');
    expect(chain[2]).toMatch(/^--mount=type=bind,from=build/);
    expect(chain[3]).toMatch(/^RUN --mount/);
    expect(chain[4]).toBe('FROM base AS runtime');
    expect(chain[5]).toBe('# syntax=docker/dockerfile:1');
    expect(chain).toHaveLength(6);
  });
});

describe('workspace symbols', () => {
  const a = buildModel(NODE_APP, { uri: 'file:///ws/web/Dockerfile' });
  const b = buildModel(GO_APP, { uri: 'file:///ws/api/Dockerfile' });
  it('lists stages of every file, filtered like editors filter', () => {
    expect(workspaceSymbols([a, b], '').map((s) => s.name)).toHaveLength(8);
    const found = workspaceSymbols([a, b], 'rntm');
    expect(found.map((s) => s.name)).toEqual(['runtime']);
    expect(found[0]!.containerName).toBe('final image · web/Dockerfile');
    expect(workspaceSymbols([a, b], 'stage').map((s) => (s.location as { uri: string }).uri)).toEqual(['file:///ws/api/Dockerfile', 'file:///ws/api/Dockerfile']);
    expect(matchesQuery('builder', 'BLD')).toBe(true);
    expect(matchesQuery('builder', 'dlb')).toBe(false);
  });
});
