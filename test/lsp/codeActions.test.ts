import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { SERVER_COMMANDS } from '../../shared/src/protocol';
import { df } from '../support/dockerfile';
import { fileUri, LspHarness, vscodeLikeCapabilities } from '../support/lspHarness';
import { demoRules } from './demoRules';

const uri = 'file:///work/project/Dockerfile';
let h: LspHarness;
let tmp: string | undefined;
afterEach(async () => {
  await h?.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

async function openAndDiagnose(text: string, options: Parameters<typeof LspHarness.start>[0] = {}, at = uri): Promise<Diagnostic[]> {
  h = await LspHarness.start({ rules: demoRules, ...options });
  await h.open(at, text);
  return h.currentDiagnostics(at);
}

function actionsFor(d: Diagnostic, only?: string[], at = uri): Promise<CodeAction[]> {
  return h.codeActions(at, d.range, [d], only).then((a) => a ?? []);
}

function find(actions: readonly CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Applies the action's edit on the client side and returns the new text. */
async function run(action: CodeAction, at = uri): Promise<string> {
  await h.apply(action.edit);
  return h.text(at);
}

describe('quick fixes', () => {
  it('offers each fix, marks the single safe one preferred, and applies it', async () => {
    const ds = await openAndDiagnose(df`
      FROM alpine
      MAINTAINER Jane <jane@example.com>
    `);
    const d = ds.find((x) => x.code === 'demo-maintainer')!;
    const actions = await actionsFor(d);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace with a LABEL', 'quickfix', true],
      ['Remove MAINTAINER (unsafe)', 'quickfix', false],
      // A single-stage file: "for this stage" would do what "in this file" does, so only the file variant.
      ['Ignore demo-maintainer for this instruction', 'quickfix.stagelint.ignore.instruction', false],
      ['Ignore demo-maintainer in this file', 'quickfix.stagelint.ignore.file', false],
    ]);
    expect(actions[0]!.diagnostics).toEqual([d]);
    // Versioned edit: a client applying it to a newer version rejects it.
    expect(actions[0]!.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri, version: 1 } });
    expect(await run(actions[0]!)).toBe('FROM alpine\nLABEL maintainer="Jane <jane@example.com>"\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('applies an unsafe fix only as an explicit quick fix', async () => {
    const ds = await openAndDiagnose('FROM alpine\nEXPOSE 0\nCMD ["sh"]\n');
    const actions = await actionsFor(ds[0]!);
    const remove = find(actions, 'Remove the EXPOSE (unsafe)');
    expect(remove.isPreferred).toBeUndefined();
    expect(await run(remove)).toBe('FROM alpine\nCMD ["sh"]\n');
  });

  it('uses plain `changes` for clients without documentChanges', async () => {
    const ds = await openAndDiagnose('from alpine\n', { capabilities: { workspace: { configuration: true } } });
    const [fix] = await actionsFor(ds[0]!);
    expect(fix!.edit).toEqual({ changes: { [uri]: [{ range: ds[0]!.range, newText: 'FROM' }] } });
  });

  it('offers "Fix all <rule> problems" when the rule has several safe fixes, fixing only that rule', async () => {
    const ds = await openAndDiagnose(df`
      from alpine AS base
      run apk add curl
      maintainer me
      expose 0
    `);
    const keyword = ds.find((d) => d.code === 'demo-keyword-case')!;
    const fixAll = find(await actionsFor(keyword), 'Fix all demo-keyword-case problems in this file');
    expect(fixAll.kind).toBe('quickfix');
    expect(await run(fixAll)).toBe('FROM alpine AS base\nRUN apk add curl\nMAINTAINER me\nEXPOSE 0\n');
    // A rule with a single safe fix in the file gets no fix-all action.
    const maintainer = (await h.currentDiagnostics(uri)).find((d) => d.code === 'demo-maintainer')!;
    expect((await actionsFor(maintainer)).map((a) => a.title)).not.toContain('Fix all demo-maintainer problems in this file');
  });

  it('recomputes fixes when the diagnostic comes from an older version', async () => {
    const ds = await openAndDiagnose('from alpine\n');
    const stale = ds[0]!;
    // Two lines inserted above: the stale edit would hit the wrong line.
    await h.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# comment\n\n' }]);
    const moved: Diagnostic = { ...stale, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } } };
    const [fix] = await actionsFor(moved);
    expect(fix!.title).toBe("Write 'FROM'");
    expect(fix!.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { version: 2 }, edits: [{ range: moved.range, newText: 'FROM' }] });
    expect(await run(fix!)).toBe('# comment\n\nFROM alpine\n');
  });

  it('ignores diagnostics of other sources', async () => {
    await openAndDiagnose('FROM alpine\n');
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'x', source: 'hadolint', code: 'DL3006' };
    expect(await actionsFor(foreign, ['quickfix'])).toEqual([]);
  });
});

describe('quick-fix menu order', () => {
  const twoStages = df`
    FROM alpine AS base
    run true
    FROM base
    maintainer me
    expose 0
  `;
  const onLine = (ds: readonly Diagnostic[], line: number) => ds.filter((d) => d.range.start.line === line);

  it('lists fixes (preferred first), then fix-all, then one set of ignore actions per rule', async () => {
    const ds = await openAndDiagnose(twoStages);
    const line3 = onLine(ds, 3);
    expect(line3.map((d) => d.code).sort()).toEqual(['demo-keyword-case', 'demo-maintainer']);
    // The maintainer diagnostic first: in diagnostic order its unsafe fix would come before the keyword fix.
    const ordered = ['demo-maintainer', 'demo-keyword-case'].map((code) => line3.find((d) => d.code === code)!);
    const actions = await h.codeActions(uri, ordered[0]!.range, ordered, ['quickfix']);
    expect(actions!.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Replace with a LABEL', true],
      ["Write 'MAINTAINER'", true],
      ['Remove MAINTAINER (unsafe)', false],
      ['Fix all demo-keyword-case problems in this file', false],
      ['Ignore demo-maintainer for this instruction', false],
      ['Ignore demo-maintainer for this stage', false],
      ['Ignore demo-maintainer in this file', false],
      ['Ignore demo-keyword-case for this instruction', false],
      ['Ignore demo-keyword-case for this stage', false],
      ['Ignore demo-keyword-case in this file', false],
    ]);
  });

  it('offers a rule\'s ignore actions once when several of its diagnostics are in the request', async () => {
    const ds = await openAndDiagnose(twoStages);
    const keyword = ds.filter((d) => d.code === 'demo-keyword-case');
    expect(keyword.map((d) => d.range.start.line)).toEqual([1, 3, 4]);
    const range = { start: keyword[0]!.range.start, end: keyword[2]!.range.end };
    const actions = (await h.codeActions(uri, range, keyword, ['quickfix'])) ?? [];
    const ignores = actions.filter((a) => a.kind?.startsWith('quickfix.stagelint.ignore'));
    expect(ignores.map((a) => a.title)).toEqual([
      'Ignore demo-keyword-case for this instruction',
      'Ignore demo-keyword-case for this stage',
      'Ignore demo-keyword-case in this file',
    ]);
    // Each lists the diagnostics its comment silences: the first one's instruction and stage, the whole file.
    expect(ignores.map((a) => a.diagnostics?.map((d) => d.range.start.line))).toEqual([[1], [1], [1, 3, 4]]);
    expect(actions.filter((a) => a.title === 'Fix all demo-keyword-case problems in this file')).toHaveLength(1);
    expect(await run(ignores[1]!)).toBe(twoStages.replace('FROM alpine AS base', '# stagelint-ignore-stage demo-keyword-case -- <reason>\nFROM alpine AS base'));
  });
});

describe('quick-fix menu order with refactors', () => {
  const singleStage = df`
    FROM python:3.12
    WORKDIR /app
    RUN apt-get update && apt-get install -y build-essential libpq-dev
    COPY requirements.txt .
    RUN pip install -r requirements.txt
    COPY . .
    EXPOSE 8000
    CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
  `;

  it('puts a refactor that repairs a diagnostic after the fixes and before every ignore action', async () => {
    h = await LspHarness.start();
    await h.open(uri, singleStage);
    const line3 = (await h.currentDiagnostics(uri)).filter((d) => d.range.start.line === 2);
    expect(line3.map((d) => d.code)).toContain('no-build-tools-in-final-stage');
    const actions = (await h.codeActions(uri, { start: { line: 2, character: 30 }, end: { line: 2, character: 30 } }, line3)) ?? [];
    const titles = actions.map((a) => a.title);
    const split = titles.indexOf('Split into builder and runtime stages (unsafe)');
    const firstIgnore = actions.findIndex((a) => a.kind?.startsWith('quickfix.stagelint.ignore'));
    expect(split).toBeGreaterThan(0);
    expect(firstIgnore).toBeGreaterThan(split);
    // Every own fix before the refactor, every ignore action after it, and the cursor refactors last.
    expect(actions.slice(0, split).every((a) => a.kind === 'quickfix' && !a.title.startsWith('Ignore'))).toBe(true);
    const rest = actions.slice(firstIgnore);
    const ignoreCount = rest.filter((a) => a.kind?.startsWith('quickfix.stagelint.ignore')).length;
    expect(rest.slice(0, ignoreCount).every((a) => a.kind?.startsWith('quickfix.stagelint.ignore'))).toBe(true);
    expect(rest.slice(ignoreCount).every((a) => a.kind?.startsWith('refactor'))).toBe(true);
    // One stage in the file: instruction and file variants per rule, no stage variant.
    expect(ignoreCount).toBe(2 * new Set(line3.map((d) => d.code)).size);
    expect(titles.filter((t) => t.endsWith('for this stage'))).toEqual([]);
  });
});

describe('ignore comments', () => {
  const text = df`
    # syntax=docker/dockerfile:1

    FROM alpine AS base
      run echo hi
    FROM base
    CMD ["sh"]
  `;

  it('inserts an instruction comment above the instruction, with its indentation', async () => {
    const ds = await openAndDiagnose(text);
    const d = ds.find((x) => x.range.start.line === 3)!;
    const action = find(await actionsFor(d), 'Ignore demo-keyword-case for this instruction');
    expect(await run(action)).toBe(text.replace('  run echo hi', '  # stagelint-ignore demo-keyword-case -- <reason>\n  run echo hi'));
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('extends an existing ignore comment instead of stacking another', async () => {
    const ds = await openAndDiagnose('FROM alpine\n# stagelint-ignore demo-maintainer -- legacy image\nmaintainer me\n');
    const d = ds.find((x) => x.code === 'demo-keyword-case')!;
    const action = find(await actionsFor(d), 'Ignore demo-keyword-case for this instruction');
    expect(await run(action)).toBe('FROM alpine\n# stagelint-ignore demo-maintainer, demo-keyword-case -- legacy image\nmaintainer me\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('inserts a stage comment above the stage FROM', async () => {
    const ds = await openAndDiagnose(text);
    const d = ds.find((x) => x.range.start.line === 3)!;
    const action = find(await actionsFor(d), 'Ignore demo-keyword-case for this stage');
    expect(await run(action)).toBe(text.replace('FROM alpine AS base', '# stagelint-ignore-stage demo-keyword-case -- <reason>\nFROM alpine AS base'));
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('inserts a file comment after the parser directives, never above them', async () => {
    const ds = await openAndDiagnose(text);
    const d = ds.find((x) => x.range.start.line === 3)!;
    const action = find(await actionsFor(d), 'Ignore demo-keyword-case in this file');
    const fixed = await run(action);
    expect(fixed).toBe('# syntax=docker/dockerfile:1\n\n# stagelint-ignore-file demo-keyword-case -- <reason>\nFROM alpine AS base\n  run echo hi\nFROM base\nCMD ["sh"]\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('inserts a file comment at the top when there are no directives, and extends it next time', async () => {
    const ds = await openAndDiagnose('from alpine\nMAINTAINER me\n');
    await run(find(await actionsFor(ds[0]!), 'Ignore demo-keyword-case in this file'));
    expect(h.text(uri)).toBe('# stagelint-ignore-file demo-keyword-case -- <reason>\nfrom alpine\nMAINTAINER me\n');
    const [maintainer] = await h.currentDiagnostics(uri);
    await run(find(await actionsFor(maintainer!), 'Ignore demo-maintainer in this file'));
    expect(h.text(uri)).toBe('# stagelint-ignore-file demo-keyword-case, demo-maintainer -- <reason>\nfrom alpine\nMAINTAINER me\n');
    expect(await h.currentDiagnostics(uri)).toEqual([]);
  });

  it('keeps CRLF line endings', async () => {
    const ds = await openAndDiagnose('FROM alpine\r\nrun true\r\n');
    expect(await run(find(await actionsFor(ds[0]!), 'Ignore demo-keyword-case for this instruction'))).toBe(
      'FROM alpine\r\n# stagelint-ignore demo-keyword-case -- <reason>\r\nrun true\r\n',
    );
  });

  it('can be switched off with stagelint.codeAction.ignoreComment.enable', async () => {
    const ds = await openAndDiagnose('from alpine\n', { settings: { codeAction: { ignoreComment: { enable: false } } } });
    expect((await actionsFor(ds[0]!, ['quickfix'])).map((a) => a.title)).toEqual(["Write 'FROM'"]);
  });
});

describe('source.fixAll.stagelint', () => {
  const text = 'from alpine\nMAINTAINER me\nexpose 0\n';

  it('applies every safe fix and no unsafe one', async () => {
    await openAndDiagnose(text);
    const actions = await h.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.stagelint']);
    expect(actions!.map((a) => [a.title, a.kind])).toEqual([['Fix all auto-fixable stagelint problems', 'source.fixAll.stagelint']]);
    // The unsafe removal of `EXPOSE 0` is not applied.
    expect(await run(actions![0]!)).toBe('FROM alpine\nLABEL maintainer="me"\nEXPOSE 0\n');
  });

  it('answers the generic source.fixAll kind too, and only source actions', async () => {
    await openAndDiagnose(text);
    const actions = await h.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    expect(actions!.map((a) => a.kind)).toEqual(['source.fixAll.stagelint']);
  });

  it('is not offered unasked, and offers nothing when there is nothing safe to fix', async () => {
    const ds = await openAndDiagnose('FROM alpine\nEXPOSE 0\n');
    expect((await actionsFor(ds[0]!)).some((a) => a.kind?.startsWith('source'))).toBe(false);
    expect(await h.codeActions(uri, ds[0]!.range, [], ['source.fixAll.stagelint'])).toEqual([]);
  });

  it('applies through the stagelint.applyAllFixes command', async () => {
    await openAndDiagnose(text);
    expect(h.initializeResult.capabilities.executeCommandProvider?.commands).toContain(SERVER_COMMANDS.applyAllFixes);
    const result = await h.request('workspace/executeCommand', { command: SERVER_COMMANDS.applyAllFixes, arguments: [{ uri, version: 1 }] });
    expect(result).toEqual({ applied: true });
    expect(h.appliedEdits).toHaveLength(1);
    await h.apply(h.appliedEdits[0]);
    expect(h.text(uri)).toBe('FROM alpine\nLABEL maintainer="me"\nEXPOSE 0\n');
  });
});

describe('fixes that create files', () => {
  it('creates the file with a CreateFile operation when the client supports it', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'stagelint-lsp-'));
    const path = join(tmp, 'Dockerfile');
    writeFileSync(path, '');
    const at = fileUri(path);
    const ds = await openAndDiagnose('FROM node:20\nCOPY . /app\n', {}, at);
    const action = find(await actionsFor(ds[0]!, undefined, at), 'Create .dockerignore');
    const ignoreUri = fileUri(join(tmp, '.dockerignore'));
    expect(action.edit).toEqual({
      documentChanges: [
        { kind: 'create', uri: ignoreUri },
        { textDocument: { uri: ignoreUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '.git\nnode_modules\n' }] },
      ],
    });
    expect(action.isPreferred).toBe(true);
  });

  it('leaves the fix out for clients that cannot create files', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'stagelint-lsp-'));
    const at = fileUri(join(tmp, 'Dockerfile'));
    const caps = vscodeLikeCapabilities(false);
    const ds = await openAndDiagnose('FROM node:20\nCOPY . /app\n', { capabilities: { ...caps, workspace: { ...caps.workspace, workspaceEdit: { documentChanges: true } } } }, at);
    expect((await actionsFor(ds[0]!, undefined, at)).map((a) => a.title)).not.toContain('Create .dockerignore');
  });

  it('sees an existing .dockerignore beside the Dockerfile', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'stagelint-lsp-'));
    writeFileSync(join(tmp, '.dockerignore'), '.git\n');
    expect(await openAndDiagnose('FROM node:20\nCOPY . /app\n', {}, fileUri(join(tmp, 'Dockerfile')))).toEqual([]);
  });
});
