import { describe, expect, it } from 'vitest';
import { DocumentHighlightKind, type TextEdit } from 'vscode-languageserver-types';
import { stageDefinition, stageHighlights, stageReferences } from '../../server/src/features/navigation';
import { prepareStageRename, renameStage } from '../../server/src/features/rename';
import { df } from '../support/dockerfile';
import { GO_APP, NODE_APP, at, model, textAt } from './fixtures';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const m = model(text);
  const sorted = [...edits].sort((a, b) => m.document.offsetAt(b.range.start) - m.document.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, m.document.offsetAt(e.range.start)) + e.newText + out.slice(m.document.offsetAt(e.range.end));
  return out;
}

function lineOf(text: string, needle: string): number {
  return at(text, needle).line;
}

describe('definition', () => {
  const m = model(NODE_APP);
  it.each([
    ['FROM base', 6, 'base'],
    ['--from=deps', 9, 'deps'],
    ['--from=2', 7, 'build'],
    ['from=build', 6, 'build'],
    ['--target test', 11, 'test'],
    ['AS runtime', 4, 'runtime'],
  ])('%s jumps to AS %s', (needle, offset, name) => {
    const [loc] = stageDefinition(m, at(NODE_APP, needle, offset));
    expect(loc!.uri).toBe('file:///work/Dockerfile');
    expect(textAt(NODE_APP, loc!.range)).toBe(name);
    expect(loc!.range.start.line).toBe(lineOf(NODE_APP, `AS ${name}`));
  });

  it('a numeric reference to an unnamed stage goes to its FROM keyword', () => {
    const [loc] = stageDefinition(model(GO_APP), at(GO_APP, '--from=0', 7));
    expect(loc!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  });

  it('gives nothing for images and plain text', () => {
    expect(stageDefinition(m, at(NODE_APP, 'golang:1.22', 1))).toEqual([]);
    expect(stageDefinition(m, at(NODE_APP, 'npm ci', 1))).toEqual([]);
  });

  it('FROM resolves to earlier stages only; --from may point forward', () => {
    const text = df`
      FROM alpine AS one
      COPY --from=two /x /x
      FROM one AS two
    `;
    const fwd = stageDefinition(model(text), at(text, '--from=two', 8));
    expect(fwd[0]!.range.start.line).toBe(2);
  });
});

describe('references and highlights', () => {
  const m = model(NODE_APP);
  it('finds every kind of reference to build', () => {
    const refs = stageReferences(m, at(NODE_APP, 'AS build', 4), true);
    expect(refs.map((r) => `${r.range.start.line + 1}:${textAt(NODE_APP, r.range)}`)).toEqual([
      '13:build', '19:build', '28:2', '29:build',
    ]);
    const withoutDecl = stageReferences(m, at(NODE_APP, '--from=2', 7), false);
    expect(withoutDecl).toHaveLength(3);
  });

  it('includes --target comments and FROM chains for base', () => {
    expect(stageReferences(m, at(NODE_APP, 'AS test', 4), false).map((r) => r.range.start.line + 1)).toEqual([18]);
    expect(stageReferences(m, at(NODE_APP, 'FROM base AS deps', 6), false).map((r) => r.range.start.line + 1)).toEqual([9, 13, 25]);
  });

  it('highlights the declaration as write and references as read', () => {
    const hl = stageHighlights(m, at(NODE_APP, 'from=build', 6));
    expect(hl.filter((h) => h.kind === DocumentHighlightKind.Write)).toHaveLength(1);
    expect(hl.filter((h) => h.kind === DocumentHighlightKind.Read)).toHaveLength(3);
  });

  it('skips ONBUILD triggers (they refer to stages of child builds)', () => {
    const text = df`
      FROM alpine AS builder
      FROM alpine
      ONBUILD COPY --from=builder /a /a
      COPY --from=builder /b /b
    `;
    expect(stageReferences(model(text), at(text, 'AS builder', 4), false).map((r) => r.range.start.line)).toEqual([3]);
  });
});

describe('rename', () => {
  it('renames the declaration and every named reference, leaving numeric ones', () => {
    const m = model(NODE_APP);
    const result = renameStage(m, at(NODE_APP, 'from=build', 6), 'compile');
    if ('error' in result) throw new Error(result.error);
    const out = applyEdits(NODE_APP, result.edit.changes![m.uri]!);
    expect(out).toContain('FROM base AS compile');
    expect(out).toContain('FROM compile AS test');
    expect(out).toContain('from=compile,source=');
    expect(out).toContain('COPY --from=2 /app/dist');
    // The renamed file resolves the same way.
    const after = model(out);
    expect(after.stageByName('compile')!.index).toBe(2);
    expect(after.referencesTo(after.stageByName('compile')!)).toHaveLength(3);
  });

  it('renames COPY --from and --target comment references', () => {
    const m = model(NODE_APP);
    const deps = renameStage(m, at(NODE_APP, '--from=deps', 8), 'modules');
    if ('error' in deps) throw new Error(deps.error);
    expect(deps.edit.changes![m.uri]!).toHaveLength(3);
    const test = renameStage(m, at(NODE_APP, 'AS test', 4), 'unit');
    if ('error' in test) throw new Error(test.error);
    expect(applyEdits(NODE_APP, test.edit.changes![m.uri]!)).toContain('# docker build --target unit .');
  });

  it('renames a mount from= that a line continuation splits off its flag', () => {
    const text = 'FROM golang AS build\nRUN go build\nFROM alpine\nRUN --mount=type=bind,\\\nfrom=build,target=/src make\n';
    const m = model(text);
    const result = renameStage(m, at(text, 'from=build', 6), 'compile');
    if ('error' in result) throw new Error(result.error);
    const out = applyEdits(text, result.edit.changes![m.uri]!);
    expect(out).toBe('FROM golang AS compile\nRUN go build\nFROM alpine\nRUN --mount=type=bind,\\\nfrom=compile,target=/src make\n');
  });

  it('through a numeric reference renames the named stage it points at', () => {
    const m = model(NODE_APP);
    const prep = prepareStageRename(m, at(NODE_APP, '--from=2', 7));
    const two = at(NODE_APP, '--from=2', 7);
    expect(prep).toEqual({ range: { start: two, end: { line: two.line, character: two.character + 1 } }, placeholder: 'build' });
    const result = renameStage(m, at(NODE_APP, '--from=2', 7), 'compile');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(NODE_APP, result.edit.changes![m.uri]!)).toContain('FROM base AS compile');
  });

  it('rejects unnamed stages, images, variables, invalid and clashing names', () => {
    expect(prepareStageRename(model(GO_APP), at(GO_APP, '--from=0', 7))).toEqual({ error: expect.stringContaining("has no name; add 'AS <name>'") });
    const m = model(NODE_APP);
    expect(prepareStageRename(m, at(NODE_APP, 'golang:1.22', 1))).toEqual({ error: expect.stringContaining("'golang:1.22' is an image reference") });
    expect(prepareStageRename(m, at(NODE_APP, 'npm ci', 1))).toEqual({ error: expect.any(String), notAStage: true });
    expect(renameStage(m, at(NODE_APP, 'AS deps', 4), '1deps')).toEqual({ error: expect.stringContaining('not a valid stage name') });
    expect(renameStage(m, at(NODE_APP, 'AS deps', 4), 'Build')).toEqual({ error: expect.stringContaining("already named 'build'") });
    expect(renameStage(m, at(NODE_APP, 'AS deps', 4), 'golang:1.22')).toEqual({ error: expect.stringContaining('not a valid stage name') });
    const text = df`
      FROM alpine AS a
      FROM ubuntu AS b
      FROM tools
    `;
    expect(renameStage(model(text), at(text, 'AS a', 4), 'tools')).toEqual({ error: expect.stringContaining("'tools' is used as an image") });
    const variable = df`
      ARG STAGE=a
      FROM alpine AS a
      FROM \${STAGE}
    `;
    expect(prepareStageRename(model(variable), at(variable, '${STAGE}', 3))).toEqual({ error: expect.stringContaining('is a variable') });
    expect(renameStage(model(variable), at(variable, 'AS a', 4), 'b')).toEqual({ error: expect.stringContaining("'${STAGE}' on line 3 can select stage 'a'") });
    const variants = df`
      ARG VARIANT=alpine
      FROM alpine AS build-alpine
      FROM debian AS build-debian
      FROM build-\${VARIANT} AS build
      FROM \${VARIANT}
    `;
    // Not the default, but a --build-arg can select it.
    expect(renameStage(model(variants), at(variants, 'AS build-debian', 4), 'deb')).toEqual({ error: expect.stringContaining("'build-${VARIANT}' on line 4") });
    // The bare variable resolves to an image and ties no stage name.
    expect(renameStage(model(variants), at(variants, 'AS build\n', 4), 'compile')).toHaveProperty('edit');
  });
});
