/**
 * The rule catalog through the LSP, on the three kinds of file every user has: a single-stage file, a
 * multi-stage file with a typo in `COPY --from`, and a file with an inline comment. Each shows its diagnostics
 * with the right fields, and its fix applies through a code action.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { docsUrl } from '../../shared/src/docsUrl';
import { df } from '../support/dockerfile';
import { LspHarness } from '../support/lspHarness';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
afterEach(async () => h?.dispose());

async function diagnose(text: string): Promise<Diagnostic[]> {
  h = await LspHarness.start();
  await h.open(uri, text);
  return h.currentDiagnostics(uri);
}

async function action(d: Diagnostic, title: string): Promise<CodeAction> {
  const actions = (await h.codeActions(uri, d.range, [d])) ?? [];
  const found = actions.find((a) => a.title === title);
  if (!found) throw new Error(`no '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

describe('the rule catalog over LSP', () => {
  it('a clean single-stage file has no diagnostics', async () => {
    expect(await diagnose(df`
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY app.py .
      RUN useradd --system app
      USER app
      CMD ["python", "app.py"]
    `)).toEqual([]);
  });

  it('a multi-stage file with a typo in COPY --from: unknown stage, and the builder stage is unreachable', async () => {
    const text = df`
      FROM golang:1.22 AS builder
      WORKDIR /src
      COPY go.mod go.sum ./
      RUN go build -o /out/api ./cmd/api

      FROM gcr.io/distroless/static:nonroot
      COPY --from=buidler /out/api /usr/local/bin/api
      ENTRYPOINT ["/usr/local/bin/api"]
    `;
    const ds = await diagnose(text);
    const unknown = ds.find((d) => d.code === 'no-unknown-stage-reference');
    expect(unknown).toMatchObject({
      source: 'stagelint',
      severity: DiagnosticSeverity.Error,
      range: { start: { line: 6, character: 12 }, end: { line: 6, character: 19 } },
      codeDescription: { href: docsUrl('no-unknown-stage-reference') },
    });
    expect(unknown!.message).toContain("did you mean 'builder'");
    const unreachable = ds.find((d) => d.code === 'no-unreachable-stage');
    expect(unreachable?.range.start.line).toBe(0);
    expect(unreachable?.tags).toEqual([DiagnosticTag.Unnecessary]);

    // The fix renames the reference; then the builder stage is used again and both diagnostics go away.
    const fix = await action(unknown!, "Change 'buidler' to stage 'builder' (unsafe)");
    expect(fix.isPreferred).toBeUndefined();
    await h.apply(fix.edit);
    expect(h.text(uri)).toBe(text.replace('--from=buidler', '--from=builder'));
    const after = await h.currentDiagnostics(uri);
    expect(after.map((d) => d.code)).not.toContain('no-unknown-stage-reference');
    expect(after.map((d) => d.code)).not.toContain('no-unreachable-stage');
  });

  it('a file with an inline comment: the safe fix moves it above the instruction, also via source.fixAll', async () => {
    const text = df`
      FROM alpine:3.19
      WORKDIR /app  # application directory
      CMD ["sh"]
    `;
    const ds = await diagnose(text);
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([['no-inline-comment', 1]]);
    const d = ds[0]!;
    const actions = (await h.codeActions(uri, d.range, [d])) ?? [];
    const preferred = actions.filter((a) => a.isPreferred);
    expect(preferred).toHaveLength(1);
    await h.apply(preferred[0]!.edit);
    const fixed = h.text(uri);
    expect(fixed).not.toContain('WORKDIR /app  #');
    expect(fixed).toContain('WORKDIR /app\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);

    // The same text fixed by source.fixAll gives the same result.
    await h.change(uri, text);
    await h.currentDiagnostics(uri);
    const [fixAll] = (await h.codeActions(uri, d.range, [], ['source.fixAll.stagelint'])) ?? [];
    await h.apply(fixAll!.edit);
    expect(h.text(uri)).toBe(fixed);
  });

  it('an ignore comment added by the code action is honoured, and its reason is not reported as missing', async () => {
    const ds = await diagnose('FROM alpine:3.19\nWORKDIR /app  # application directory\n');
    await h.apply((await action(ds[0]!, 'Ignore no-inline-comment for this instruction')).edit);
    expect(h.text(uri)).toBe('FROM alpine:3.19\n# stagelint-ignore no-inline-comment -- <reason>\nWORKDIR /app  # application directory\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });
});
