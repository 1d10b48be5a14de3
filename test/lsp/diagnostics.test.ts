import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { docsUrl } from '../../shared/src/docsUrl';
import { df } from '../support/dockerfile';
import { LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
afterEach(async () => h?.dispose());

const byRule = (ds: readonly Diagnostic[], id: string) => ds.filter((d) => d.code === id);

describe('push diagnostics', () => {
  it('publishes every field for a single-stage file', async () => {
    h = await LspHarness.start({ rules: demoRules });
    await h.open(uri, df`
      from alpine:3.19 AS app
      MAINTAINER someone
      EXPOSE 0
    `);
    const ds = await h.currentDiagnostics(uri);
    expect(ds.map((d) => [d.code, d.range.start.line, d.severity])).toEqual([
      ['demo-keyword-case', 0, DiagnosticSeverity.Warning],
      ['demo-maintainer', 1, DiagnosticSeverity.Information],
      ['demo-unused-expose', 2, DiagnosticSeverity.Hint],
    ]);
    for (const d of ds) {
      expect(d.source).toBe('stagelint');
      expect(d.codeDescription?.href).toBe(docsUrl(String(d.code)));
      expect(d.data).toMatchObject({ ruleId: d.code, version: 1 });
    }
    const [keyword, maintainer, expose] = ds as [Diagnostic, Diagnostic, Diagnostic];
    expect(keyword.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    expect(keyword.data.fixes).toEqual([{ title: "Write 'FROM'", safety: 'safe', edits: [{ range: keyword.range, newText: 'FROM' }] }]);
    expect(maintainer.tags).toEqual([DiagnosticTag.Deprecated]);
    expect(maintainer.relatedInformation).toEqual([
      { location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } } }, message: 'in this stage' },
    ]);
    expect(maintainer.data.fixes.map((f: { title: string }) => f.title)).toEqual(['Replace with a LABEL', 'Remove MAINTAINER (unsafe)']);
    expect(expose.tags).toEqual([DiagnosticTag.Unnecessary]);
  });
});
