import { describe, expect, it } from 'vitest';
import { argDeclsOf, envDeclsOf, envPairsOf, evaluateWord, expand, findVariables, globalScope, removeQuotes } from '../../server/src/analysis/args';
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
  it('ENV and stage ARGs are inherited through FROM <stage> (BuildKit), not through COPY --from', () => {
    const m = buildModel('FROM alpine AS base\nARG X=1\nENV Y=2\nFROM base\nRUN true\nFROM alpine\nCOPY --from=base /a /a\nRUN true\n');
    const [inChild, inOther] = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(m.expand('$X|$Y', inChild!)).toMatchObject({ value: '1|2', unresolved: [] });
    expect(m.expand('$X|$Y', inOther!)).toMatchObject({ value: '|', unresolved: ['X', 'Y'] });
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

describe('argDeclsOf', () => {
  const decls = (text: string, keyword = 'ARG') => {
    const model = buildModel(text);
    return model.instructions.filter((i) => i.keyword === keyword).flatMap((i) => argDeclsOf(i, model.escapeChar));
  };
  const pos = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;

  it('keeps quoted blanks and escaped blanks inside one declaration', () => {
    const d = decls(`ARG X="a b" Y='c d' Z=e\\ f W\n`);
    expect(d.map((a) => [a.name, a.defaultValue, a.rawDefault, pos(a.nameRange)])).toEqual([
      ['X', 'a b', '"a b"', '0:4'],
      ['Y', 'c d', "'c d'", '0:12'],
      ['Z', 'e\\ f', 'e\\ f', '0:20'],
      ['W', undefined, undefined, '0:27'],
    ]);
    expect(d[0]!.nameRange.end).toEqual({ line: 0, character: 5 });
  });

  it('joins continuation lines and skips the comment lines inside them', () => {
    const d = decls('FROM a\n  ARG M=1 \\\n  # note\n    N="x  y"\n');
    expect(d.map((a) => [a.name, a.defaultValue, pos(a.nameRange)])).toEqual([['M', '1', '1:6'], ['N', 'x  y', '3:4']]);
  });

  it('uses the file\'s escape character', () => {
    const d = decls('# escape=`\nARG P=C:\\dir Q=a` b\nFROM a\n');
    expect(d.map((a) => [a.name, a.rawDefault])).toEqual([['P', 'C:\\dir'], ['Q', 'a` b']]);
  });

  it('feeds the scope with the value BuildKit computes', () => {
    const model = buildModel('ARG TAG="3.19" X="a b"\nFROM alpine:$TAG\nARG X\nARG Y=\'$X\' Z="$X"\nRUN true\n');
    const run = model.instructions.find((i) => i.keyword === 'RUN')!;
    expect(model.stages[0]!.base).toMatchObject({ kind: 'image', resolved: 'alpine:3.19' });
    expect(model.expand('$X|$Y|$Z', run).value).toBe('a b|$X|a b');
  });
});

describe('envPairsOf / envDeclsOf', () => {
  const env = (text: string) => {
    const model = buildModel(text);
    return { model, instr: model.instructions.find((i) => i.keyword === 'ENV')!, run: model.instructions.find((i) => i.keyword === 'RUN')! };
  };

  it('gives names with quote-free values, and the raw value for evaluation', () => {
    const { instr } = env('FROM a\nENV A="a b" B=c\\ d C=\'$x\' \\\n  D=\\$y\nRUN true\n');
    expect(envPairsOf(instr)).toEqual([['A', 'a b'], ['B', 'c d'], ['C', '$x'], ['D', '$y']]);
    expect(envDeclsOf(instr).map((d) => d.raw)).toEqual(['"a b"', 'c\\ d', "'$x'", '\\$y']);
    expect(envPairsOf(env('FROM a\nENV L legacy value here\nRUN true\n').instr)).toEqual([['L', 'legacy value here']]);
  });

  it('single quotes and escapes keep $ literal in the scope; one ENV sees the scope before it', () => {
    const { model, run } = env('FROM a\nENV C=1\nENV A=\\$HOME B=\'$C\' C=2 D=$C\nRUN true\n');
    expect(model.expand('$A|$B|$C|$D', run)).toEqual({ value: '$HOME|$C|2|1', unresolved: [] });
  });
});

describe('evaluateWord', () => {
  it('removes quotes, resolves escapes and expands once, counting the variables', () => {
    const scope = new Map([['V', { kind: 'arg' as const, value: 'x y' }], ['U', { kind: 'arg' as const, value: undefined }]]);
    expect(evaluateWord(`"$V"/'$V'/\\$V/$NOPE`, scope)).toEqual({ value: 'x y/$V/$V/', unresolved: ['NOPE'], dynamic: false, variables: 2 });
    expect(evaluateWord('${U}', scope)).toMatchObject({ dynamic: true, variables: 1 });
  });
});
