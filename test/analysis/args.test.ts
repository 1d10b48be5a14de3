import { describe, expect, it } from 'vitest';
import { expand, findVariables, globalScope, removeQuotes } from '../../server/src/analysis/args';
import { buildModel } from '../../server/src/analysis/buildModel';

describe('findVariables', () => {
  it('finds $NAME and ${NAME…} with modifiers, skipping escapes', () => {
    expect(findVariables('a $A ${B:-x} ${C:+y} \\$D ${E%%.*} $$').map((u) => [u.name, u.modifier ?? ''])).toEqual([
      ['A', ''], ['B', ':-'], ['C', ':+'], ['E', '%%'],
    ]);
    expect(findVariables('`$A $B', '`').map((u) => u.name)).toEqual(['B']);
  });
});

describe('expand', () => {
  const model = buildModel('ARG A=1\nARG B\nARG Q="quoted"\nARG D=${TARGETARCH}\nFROM alpine\nARG A\nENV E=$A-x\nRUN true\n');
  const scope = globalScope(model.globalArgs);
  it('expands global ARG defaults and modifiers', () => {
    expect(expand('img:${A}', scope).value).toBe('img:1');
    expect(expand('${MISSING:-fallback}', scope).value).toBe('fallback');
    expect(expand('${A:+set}', scope).value).toBe('set');
    expect(expand('${A:-"q w"}', scope).value).toBe('1');
    expect(expand('${Z:-"q w"}', scope).value).toBe('q w');
    expect(expand('$Q', scope).value).toBe('quoted');
  });
  it('reports undeclared variables and marks build-time values dynamic', () => {
    expect(expand('$NOPE', scope)).toMatchObject({ value: '', unresolved: ['NOPE'], dynamic: false });
    expect(expand('$B', scope)).toMatchObject({ dynamic: true });
    expect(expand('$TARGETARCH', scope)).toMatchObject({ dynamic: true });
    expect(expand('$D', scope), 'default from a build-time value').toMatchObject({ dynamic: true, value: '$D' });
  });
  it('gives stage scope: redeclared global ARGs and ENV, in order', () => {
    const run = model.instructions.find((i) => i.keyword === 'RUN')!;
    const env = model.instructions.find((i) => i.keyword === 'ENV')!;
    expect(model.expand('$A $E', run).value).toBe('1 1-x');
    expect(model.expand('$E', env).unresolved).toEqual(['E']);
    expect(model.expand('$Q', run).unresolved, 'a global ARG not redeclared is not in stage scope').toEqual(['Q']);
  });
  it('ENV is inherited through FROM <stage>, ARG is not', () => {
    const m = buildModel('FROM alpine AS base\nARG X=1\nENV Y=2\nFROM base\nRUN true\n');
    const run = m.instructions.find((i) => i.keyword === 'RUN')!;
    expect(m.expand('$X|$Y', run)).toMatchObject({ value: '|2', unresolved: ['X'] });
  });
});

describe('removeQuotes', () => {
  it('drops quote characters as the word lexer does', () => {
    expect(removeQuotes('debian:"bookworm"-slim')).toBe('debian:bookworm-slim');
    expect(removeQuotes(`'a"b'`)).toBe('a"b');
    expect(removeQuotes('a\\"b')).toBe('a"b');
    expect(removeQuotes('plain')).toBe('plain');
  });
});
