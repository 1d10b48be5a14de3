/**
 * `stageScope` builds each stage's scopes once (the scope it starts with and the one after each ARG/ENV) and
 * answers from them. These tests pin that the answers are the ones the straightforward walk gives (every
 * declaration of the FROM chain from its root, then the stage's own up to the instruction), for every
 * instruction of every stage of the corpus and of multi-stage files written for it, and that callers get copies.
 */
import { describe, expect, it } from 'vitest';
import { argDeclsOf, envDeclsOf, evaluateWord, globalScope, stageScope, type Binding, type Scope } from '../../server/src/analysis/args';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel, Instr, Stage } from '../../server/src/analysis/model';
import { corpusFiles } from '../support/corpus';

/** The scope as BuildKit's semantics define it, walked from scratch. */
function walked(stage: Stage, at: Instr | undefined, global: Scope, esc: string): Map<string, Binding> {
  const scope = new Map<string, Binding>();
  const chain: Stage[] = [];
  for (let s = stage.parent; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  for (const s of [...chain, stage]) {
    for (const instr of s.instructions) {
      if (s === stage && at && instr.index >= at.index) break;
      if (instr.keyword === 'ARG') {
        for (const d of argDeclsOf(instr, esc)) {
          const g = global.get(d.name);
          const e = d.rawDefault === undefined ? undefined : evaluateWord(d.rawDefault, scope, esc);
          const value = e ? (e.dynamic ? undefined : e.value) : g && g.kind === 'global-arg' ? g.value : undefined;
          scope.set(d.name, { kind: 'arg', value });
        }
      } else if (instr.keyword === 'ENV') {
        const values = envDeclsOf(instr).map((d) => [d.name, evaluateWord(d.raw, scope, esc)] as const);
        for (const [name, e] of values) scope.set(name, { kind: 'env', value: e.dynamic ? undefined : e.value });
      }
    }
  }
  return scope;
}

function expectSameScopes(model: DockerfileModel) {
  const global = globalScope(model.globalArgs, model.escapeChar);
  // Ask in reverse order too: a stage's scopes must not depend on which instruction asked first.
  for (const stage of [...model.stages].reverse()) {
    for (const at of [undefined, ...[...stage.instructions].reverse(), ...model.instructions.slice(0, 3)]) {
      expect(stageScope(stage, at, global, model.escapeChar)).toEqual(walked(stage, at, global, model.escapeChar));
    }
  }
}

describe('stageScope', () => {
  it('matches the walk on a FROM chain with ARG and ENV at every step', () => {
    expectSameScopes(buildModel([
      'ARG BASE=alpine', 'ARG V=1', 'FROM $BASE AS a', 'ARG V', 'ENV A=$V B=x', 'RUN true', 'ARG W=${A}-w',
      'FROM a AS b', 'ENV C="$B $W" A=2', 'RUN true', 'ARG V=3', 'FROM b', 'ENV D=${C:-none} E=$V', 'RUN true',
      'FROM alpine', 'ENV F=1', 'RUN true', '',
    ].join('\n')));
  });

  it('matches the walk with the backtick escape character', () => {
    expectSameScopes(buildModel('# escape=`\nFROM alpine AS a\nENV A=`$x B="a b"\nFROM a\nARG C=$A\nRUN true\n'));
  });

  it('hands out one shared scope per position between declarations', () => {
    const model = buildModel('FROM alpine\nENV A=1\nRUN true\nRUN false\nENV B=2\nRUN x\n');
    const global = globalScope(model.globalArgs, model.escapeChar);
    const [, , run1, run2, , run3] = model.instructions;
    const first = stageScope(model.stages[0]!, run1, global);
    expect([...first.keys()]).toEqual(['A']);
    expect(stageScope(model.stages[0]!, run2, global)).toBe(first);
    expect([...stageScope(model.stages[0]!, run3, global).keys()]).toEqual(['A', 'B']);
    expect([...first.keys()]).toEqual(['A']);
    expect(model.scopeAt(run2)).toBe(model.scopeAt(run1));
  });

  it('ends on a FROM chain that loops (buildModel never links to a later stage), reading it from the stage seen twice', () => {
    const model = buildModel('FROM alpine AS a\nENV A=1\nFROM a AS b\nENV B=2\n');
    const [a, b] = model.stages as [Stage, Stage];
    (a as { parent: Stage | undefined }).parent = b;
    const global = globalScope(model.globalArgs, model.escapeChar);
    expect([...stageScope(b, undefined, global, model.escapeChar).entries()]).toEqual([['A', { kind: 'env', value: '1' }], ['B', { kind: 'env', value: '2' }]]);
    expect([...stageScope(a, undefined, global, model.escapeChar).keys()]).toEqual(['A']);
  });

  it('matches the walk on every corpus file', () => {
    for (const { name, text } of corpusFiles()) expectSameScopes(buildModel(text, { uri: name }));
  });
});
