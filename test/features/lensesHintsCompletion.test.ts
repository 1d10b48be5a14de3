import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { codeLenses } from '../../server/src/features/codeLens';
import { completion } from '../../server/src/features/completion';
import { inlayHints } from '../../server/src/features/inlayHints';
import { stageGraph } from '../../server/src/features/stageGraph';
import { df } from '../support/dockerfile';
import { GO_APP, NODE_APP, at, model } from './fixtures';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('code lens', () => {
  const lenses = codeLenses(model(NODE_APP));
  const titles = lenses.map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
  it('summarises role and consumers above each FROM, with a build lens', () => {
    expect(titles).toEqual([
      '5: base · used by deps (FROM), build (FROM), runtime (FROM)',
      '5: ▶ build this stage',
      '9: dependencies · used by build (1 copy), runtime (1 copy)',
      '9: ▶ build this stage',
      '13: builder · used by test (FROM), runtime (1 copy, 1 mount)',
      '13: ▶ build this stage',
      // `test` is built on its own with --target (no-unreachable-stage agrees); `tools` is dead code.
      '19: test · used by no stage · separate target',
      '19: ▶ build this stage',
      '22: builder · used by no stage · unreachable from the target',
      '22: ▶ build this stage',
      '25: final image',
      '25: ▶ build this stage',
    ]);
  });

  it('the build lens carries the stage for the client command; summaries are not clickable', () => {
    const build = lenses.find((l) => l.command!.command === 'stagelint.buildStage' && l.range.start.line === 8)!;
    expect(build.command!.arguments).toEqual([{ uri: 'file:///work/Dockerfile', stage: 'deps', index: 1 }]);
    expect(lenses[0]!.command!.command).toBe('');
  });

  it('counts copies per consumer and offers a plain build for an unnamed last stage only', () => {
    const go = codeLenses(model(GO_APP)).map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
    expect(go).toEqual(['1: builder · used by final stage on line 8 (1 copy)', '8: final image', '8: ▶ build this stage']);
    const copies = df`
      FROM alpine AS assets
      FROM alpine
      COPY --from=assets /a /a
      COPY --from=assets /b /b
    `;
    expect(codeLenses(model(copies))[0]!.command!.title).toBe('builder · used by final stage on line 2 (2 copies)');
  });
});

describe('inlay hints', () => {
  it('names numeric references, shows resolved FROM variables, marks separate targets and unreachable stages', () => {
    const hints = inlayHints(model(NODE_APP), WHOLE).map((h) => `${h.position.line + 1}:${h.position.character} ${h.label as string}`);
    expect(hints).toEqual(['5:12 = node:20-alpine', '19:18 separate target', '22:25 unreachable', '28:13 → build']);
    const separate = inlayHints(model(NODE_APP), WHOLE).find((h) => h.label === 'separate target')!;
    expect(separate.tooltip).toBe('No build target (runtime) uses this stage; it is built on its own with docker build --target test');
  });

  it('describes unnamed stages by index and base, and stays inside the requested range', () => {
    const m = model(GO_APP);
    expect(inlayHints(m, WHOLE).map((h) => [h.label, h.tooltip])).toEqual([
      ['→ stage 0 on line 1 (golang:1.22-alpine)', 'Stage index 0 (stages count from 0): stage 0 on line 1 (golang:1.22-alpine)'],
    ]);
    expect(inlayHints(m, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } })).toEqual([]);
  });
});

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

describe('completion', () => {
  it('offers other stages after --from= and mount from=', () => {
    const text = NODE_APP.replace('COPY --from=deps /app/node_modules ./node_modules\nCOPY . .', 'COPY --from=de /app/node_modules ./node_modules\nCOPY . .');
    const items = completion(model(text), at(text, '--from=de', 9));
    expect(labels(items)).toEqual(['base', 'deps', 'test', 'tools', 'runtime']);
    expect(items[1]!.textEdit).toEqual({ range: { start: { line: 13, character: 12 }, end: { line: 13, character: 14 } }, newText: 'deps' });
    expect(items[1]!.detail).toBe('dependencies · FROM base');
    expect(labels(completion(model(NODE_APP), at(NODE_APP, 'from=build', 5)))).toEqual(['base', 'deps', 'build', 'test', 'tools']);
    // Next to another Dockerfile server, COPY --from= is its job; mount from= is not.
    expect(completion(model(text), at(text, '--from=de', 9), { peerActive: true })).toEqual([]);
    expect(labels(completion(model(NODE_APP), at(NODE_APP, 'from=build', 5), { peerActive: true }))).toHaveLength(5);
  });

  it('offers only earlier named stages after FROM', () => {
    const text = df`
      FROM golang AS build
      FROM build AS test
      FROM alpine
      FROM \u0020
    `.replace('FROM  ', 'FROM ');
    const pos = { line: 3, character: 5 };
    expect(labels(completion(model(text), pos))).toEqual(['build', 'test']);
  });

  it('offers indexes for unnamed stages', () => {
    const text = GO_APP.replace('--from=0', '--from=');
    expect(labels(completion(model(text), at(text, '--from=', 7)))).toEqual(['0']);
    const two = df`
      FROM golang
      FROM alpine
      FROM alpine
      COPY --from= /a /a
    `;
    expect(labels(completion(model(two), at(two, '--from=', 7)))).toEqual(['0', '1']);
  });

  it('offers rule ids inside ignore comments, not in the reason', () => {
    const text = '# stagelint-ignore no-dup\nFROM alpine\n';
    const items = completion(model(text), { line: 0, character: 25 });
    expect(labels(items)).toContain('no-duplicate-stage-name');
    expect(items[0]!.textEdit).toMatchObject({ range: { start: { line: 0, character: 19 } } });
    const reason = '# stagelint-ignore-file no-duplicate-stage-name -- why\nFROM alpine\n';
    expect(completion(model(reason), { line: 0, character: 54 })).toEqual([]);
    expect(completion(model('# just a comment\nFROM alpine\n'), { line: 0, character: 8 })).toEqual([]);
  });
});

describe('stage graph', () => {
  it('has nodes with base, target and reachability, and deduplicated edges in data-flow direction', () => {
    const g = stageGraph(model(NODE_APP));
    expect(g.nodes.map((n) => `${n.id}:${n.label}:${n.base}:${n.isTarget ? 'T ' : ''}${n.reach}`)).toEqual([
      '0:base:node:20-alpine:reached', '1:deps:base:reached', '2:build:base:reached', '3:test:build:deliberate-target',
      '4:tools:golang:1.22:unreachable', '5:runtime:base:T reached',
    ]);
    expect(g.edges.map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual([
      '0>1:from', '0>2:from', '2>3:from', '0>5:from', '1>2:copy-from', '1>5:copy-from', '2>5:copy-from', '2>5:mount-from',
    ]);
  });
});
