/**
 * One reachability decision for the rule and the editor features: reachState, and on every corpus file the
 * rule no-unreachable-stage, the code lens, inlay hints, stage graph and outline agree on which stages are dead
 * code and which are separate targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { reachState } from '../../server/src/analysis/stageReachability';
import { lintModel } from '../../server/src/engine/lint';
import { corpusFiles } from '../support/corpus';
import { codeLenses } from '../../server/src/features/codeLens';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { inlayHints } from '../../server/src/features/inlayHints';
import { stageGraph } from '../../server/src/features/stageGraph';
import rule from '../../server/src/rules/no-unreachable-stage';
import { df } from '../support/dockerfile';

const states = (text: string, targets: string[] = []) => {
  const m = buildModel(text, { targets });
  return Object.fromEntries(m.stages.map((s) => [s.label, reachState(m, s)]));
};

describe('reachState', () => {
  it('tells used stages, deliberate targets and what they use, and dead code apart', () => {
    expect(states(df`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM build AS unit-test
      RUN go test ./...
      FROM golang:1.22 AS tools
      RUN go install example.com/tool@latest
      FROM alpine
      COPY --from=build /app /app
    `)).toEqual({ build: 'reached', 'unit-test': 'deliberate-target', tools: 'unreachable', 'final stage on line 7': 'reached' });
  });

  it('counts configured targets, export stages, second images and published stages as deliberate', () => {
    expect(states('FROM alpine AS assets\nRUN echo\nFROM alpine AS junk\nRUN echo\nFROM alpine\n', ['assets'])).toMatchObject({ assets: 'reached', junk: 'unreachable' });
    expect(states('FROM golang AS build\nRUN go build\nFROM scratch AS out\nCOPY --from=build /app /\nFROM alpine AS junk\nRUN x\nFROM alpine\n')).toEqual({
      build: 'deliberate-target', out: 'deliberate-target', junk: 'unreachable', 'final stage on line 7': 'reached',
    });
    expect(states('FROM alpine AS server\nCMD ["serve"]\nFROM alpine AS junk\nRUN x\nFROM alpine\nCMD ["cli"]\n')).toMatchObject({ server: 'deliberate-target', junk: 'unreachable' });
    expect(states('FROM alpine AS base-slim\nRUN x\nFROM org/app:base-slim AS app\nFROM alpine AS junk\nRUN x\nFROM alpine\n')).toMatchObject({
      'base-slim': 'deliberate-target', junk: 'unreachable',
    });
  });

  it('calls several unused end stages separate targets (a file built for several targets), one of them dead code', () => {
    expect(states('FROM alpine AS one\nRUN a\nFROM alpine AS two\nRUN b\nFROM alpine\n')).toMatchObject({ one: 'deliberate-target', two: 'deliberate-target' });
    expect(states('FROM alpine AS one\nRUN a\nFROM alpine\n')).toMatchObject({ one: 'unreachable' });
  });
});

/** Lines (0-based) of the stages each feature marks with the given words. */
function marked(model: DockerfileModel, lensText: string, hint: string, graph: string, symbol: string) {
  const lines = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const whole = { start: { line: 0, character: 0 }, end: { line: model.document.lineCount, character: 0 } };
  return {
    lens: lines(codeLenses(model).filter((l) => l.command?.title.endsWith(lensText)).map((l) => l.range.start.line)),
    hint: lines(inlayHints(model, whole).filter((h) => h.label === hint).map((h) => h.position.line)),
    graph: lines(stageGraph(model).nodes.filter((n) => n.reach === graph).map((n) => n.line)),
    symbol: lines(documentSymbols(model).filter((s) => s.detail?.endsWith(`· ${symbol}`)).map((s) => s.range.start.line)),
  };
}

describe('the rule and the editor features agree', () => {
  const files = corpusFiles();
  const samples = [
    ...files,
    { name: 'web app', text: readFileSync(path.join(__dirname, '..', 'e2e', 'fixtures', 'workspace', 'web-app', 'Dockerfile'), 'utf8') },
  ];

  it('on which stages are dead code and which are separate targets', () => {
    expect(files.length).toBeGreaterThan(200);
    let unreachable = 0;
    let separate = 0;
    for (const { name, text } of samples) {
      const model = buildModel(text);
      const fromLine = (s: { from: { range: { start: { line: number } } } }) => s.from.range.start.line;
      const deadStages = model.stages.filter((s) => reachState(model, s) === 'unreachable');
      // The rule reports exactly these stages, on their name (or image).
      expect(lintModel(model, { rules: [rule] }).map((p) => p.range), name).toEqual(deadStages.map((s) => s.name?.range ?? s.base.range));
      const dead = deadStages.map(fromLine);
      // Lenses sit on the FROM keyword, hints after the FROM instruction (which may span lines).
      const got = marked(model, 'unreachable from the target', 'unreachable', 'unreachable', 'unreachable');
      expect(got.lens, name).toEqual(dead);
      expect(got.hint, name).toEqual(deadStages.map((s) => s.from.range.end.line));
      expect(got.graph, name).toEqual(dead);
      expect(got.symbol, name).toEqual(dead);
      const deliberate = model.stages.filter((s) => reachState(model, s) === 'deliberate-target');
      const sep = marked(model, 'separate target', 'separate target', 'deliberate-target', 'separate target');
      expect(sep.lens, name).toEqual(deliberate.map(fromLine));
      expect(sep.hint, name).toEqual(deliberate.map((s) => s.from.range.end.line));
      expect(sep.graph, name).toEqual(deliberate.map(fromLine));
      expect(sep.symbol, name).toEqual(deliberate.map(fromLine));
      unreachable += dead.length;
      separate += deliberate.length;
    }
    // The corpus has both kinds, so the comparison above is not vacuous.
    expect(unreachable).toBeGreaterThanOrEqual(5);
    expect(separate).toBeGreaterThanOrEqual(100);
  });
});
