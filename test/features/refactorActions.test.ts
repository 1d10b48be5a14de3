/**
 * Refactors as code actions: kinds and `only` filtering, quick fixes for diagnostics whose rule names a refactor
 * but attaches no fix, no duplicate titles next to the diagnostics' own quick fixes, file creation support.
 */
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { Fix, Problem } from '../../server/src/engine/problem';
import { refactorActions, withRefactors, type RefactorActionInput } from '../../server/src/features/refactorActions';
import { df } from '../support/dockerfile';

const uri = 'file:///work/app/Dockerfile';
const single = df`
  FROM golang:1.22
  WORKDIR /src
  COPY . .
  RUN go build -o /out/app ./cmd/app
  USER 65532
  ENTRYPOINT ["/out/app"]
`;
const support = { documentChanges: true, createFiles: true };
const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

function input(text: string, extra: Partial<RefactorActionInput> = {}): RefactorActionInput {
  return { model: buildModel(text, { uri, version: 3 }), range: at(0), files: {}, diagnostics: [], problems: [], support, ...extra };
}

const summary = (actions: readonly CodeAction[]) => actions.map((a) => [a.title, a.kind]);

function diagnostic(code: string, line: number): Diagnostic {
  return { range: { start: { line, character: 0 }, end: { line, character: 4 } }, message: 'm', source: 'stagelint', code };
}

/** The problem a diagnostic of `diagnostic(code, line)` was published for. */
function problem(code: string, line: number, fixes: Fix[]): Problem {
  const { range, message } = diagnostic(code, line);
  return { ruleId: code, severity: 'info', messageId: 'm', message, range, related: [], tags: [], fixes };
}

describe('refactor code actions at the cursor', () => {
  it('offers the refactors that apply, with their kinds', () => {
    expect(summary(refactorActions(input(single)))).toEqual([
      ['Split into builder and runtime stages', 'refactor.extract'],
      ["Name this stage 'runtime'", 'refactor.rewrite'],
    ]);
  });

  it('honours only: refactor gets both kinds, refactor.extract one, quickfix none', () => {
    expect(refactorActions(input(single, { only: ['refactor'] }))).toHaveLength(2);
    expect(summary(refactorActions(input(single, { only: ['refactor.extract'] })))).toEqual([['Split into builder and runtime stages', 'refactor.extract']]);
    expect(refactorActions(input(single, { only: ['quickfix'] }))).toEqual([]);
    expect(refactorActions(input(single, { only: ['source.fixAll.stagelint'] }))).toEqual([]);
  });

  it('returns versioned edits that produce the refactored text', () => {
    const split = refactorActions(input(single, { only: ['refactor.extract'] }))[0]!;
    expect(split.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri, version: 3 } });
  });

  it('leaves out actions creating files when the client cannot create them', () => {
    const text = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "a.js"]\n';
    const titles = (s: typeof support) => refactorActions(input(text, { range: at(2), files: { dockerignore: null }, support: s })).map((a) => a.title);
    expect(titles(support)).toContain('Create .dockerignore (node)');
    expect(titles({ documentChanges: true, createFiles: false })).not.toContain('Create .dockerignore (node)');
  });
});

describe('refactor-backed quick fixes', () => {
  it('attaches the refactor to a diagnostic of a rule that names it and attaches no fix', () => {
    const d = diagnostic('prefer-multi-stage-build', 0);
    const actions = refactorActions(input(single, { range: d.range, diagnostics: [d], only: ['quickfix'] }));
    expect(actions.map((a) => [a.title, a.kind, a.diagnostics])).toEqual([['Split into builder and runtime stages (unsafe)', 'quickfix', [d]]]);
  });

  it('does not attach it when the rule brings its own fix, or for other sources', () => {
    const own = diagnostic('prefer-multi-stage-build', 0);
    const withFix = problem('prefer-multi-stage-build', 0, [{ title: 'Split into builder and runtime stages (unsafe)', safety: 'unsafe', edits: [] }]);
    expect(refactorActions(input(single, { diagnostics: [own], problems: [withFix], only: ['quickfix'] }))).toEqual([]);
    // The same diagnostic whose current problem has no fix gets the refactor.
    const withoutFix = problem('prefer-multi-stage-build', 0, []);
    expect(refactorActions(input(single, { diagnostics: [own], problems: [withoutFix], only: ['quickfix'] }))).toHaveLength(1);
    const foreign = { ...diagnostic('prefer-multi-stage-build', 0), source: 'hadolint' };
    expect(refactorActions(input(single, { diagnostics: [foreign], only: ['quickfix'] }))).toEqual([]);
  });
});

describe('withRefactors', () => {
  it('appends refactors without repeating a title the quick fixes already have', () => {
    const quickfix: CodeAction = { title: 'Split into builder and runtime stages (unsafe)', kind: 'quickfix' };
    expect(withRefactors([quickfix], input(single)).map((a) => a.title)).toEqual(['Split into builder and runtime stages (unsafe)', "Name this stage 'runtime'"]);
  });
});
