/**
 * Golden tests of the bundled CLI (`node dist/cli.js`) on test/fixtures/cli/. The expected outputs are file
 * snapshots in test/cli/__snapshots__/; they change whenever a rule is added or changes its messages. Review the
 * diff, then refresh them with `npx vitest run test/cli -u`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { severityRank, type Severity } from '../../shared/src/ruleTypes';
import { readFileFacts } from '../../server/src/cli/dockerfileFacts';
import { applyFixes } from '../../server/src/engine/applyFixes';
import { allRules } from '../../server/src/rules';
import { ensureCliBuilt, ROOT, runCliProcess } from './support/cliProcess';

const FIXTURES = 'test/fixtures/cli';
const LINTED = [`${FIXTURES}/multi-stage`, `${FIXTURES}/clean`, `${FIXTURES}/configured`];

interface JsonFile { file: string; problems: { rule: string; severity: Severity; line: number }[] }
const severities = () => (JSON.parse(runCliProcess([...LINTED, '-f', 'json']).stdout) as JsonFile[]).flatMap((f) => f.problems.map((p) => p.severity));

beforeAll(ensureCliBuilt, 120_000);

describe('formats (snapshots: npx vitest run test/cli -u to refresh)', () => {
  it.each([
    ['stylish', 'txt'],
    ['json', 'json'],
    ['sarif', 'sarif'],
    ['github', 'txt'],
  ])('%s', async (format, ext) => {
    const r = runCliProcess([...LINTED, '--format', format]);
    // stylish prints the unsafe-fix hint in its footer; machine formats keep stdout parseable and print it on stderr.
    expect(r.stderr).toBe(format === 'stylish' ? '' : 'stagelint: 4 problems have unsafe fixes (not applied): review and apply with `--fix --unsafe-fixes`\n');
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/fixtures.${format}.${ext}`);
  });

  it('json and sarif are valid JSON with one SARIF rule per registered rule', () => {
    const sarif = JSON.parse(runCliProcess([...LINTED, '-f', 'sarif']).stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    const json = JSON.parse(runCliProcess([...LINTED, '-f', 'json']).stdout) as JsonFile[];
    expect(sarif.runs[0]!.results.length).toBe(json.flatMap((f) => f.problems).length);
    expect(json.map((f) => f.file)).toEqual([
      `${FIXTURES}/multi-stage/Dockerfile`,
      `${FIXTURES}/multi-stage/web.Dockerfile`,
      `${FIXTURES}/clean/Dockerfile`,
      `${FIXTURES}/configured/Dockerfile`,
    ]);
  });

  it('fixtures marked "# expect: no diagnostics" have none', () => {
    const json = JSON.parse(runCliProcess([...LINTED, '-f', 'json']).stdout) as JsonFile[];
    const marked = json.filter((f) => readFileSync(join(ROOT, f.file), 'utf8').startsWith('# expect: no diagnostics'));
    expect(marked.map((f) => f.file), 'the marked fixtures this test covers').toEqual([`${FIXTURES}/clean/Dockerfile`]);
    for (const f of marked) expect(f.problems, f.file).toEqual([]);
  });

  it('the configured fixture applies its .stagelint.json (severity override, ignorePatterns)', () => {
    const json = JSON.parse(runCliProcess([`${FIXTURES}/configured`, '-f', 'json']).stdout) as JsonFile[];
    expect(json.map((f) => f.file)).toEqual([`${FIXTURES}/configured/Dockerfile`]);
    expect(json[0]!.problems.find((p) => p.rule === 'no-duplicate-stage-name')).toMatchObject({ severity: 'warning', line: 2 });
  });
});

describe('exit codes', () => {
  let found: Severity[] = [];
  beforeAll(() => {
    found = severities();
  });
  const atOrAbove = (t: Severity) => found.some((s) => severityRank(s) >= severityRank(t));

  it('the fixtures contain an error (so the matrix below tests something)', () => {
    expect(found).toContain('error');
  });

  it.each(['error', 'warning', 'info', 'hint'] as const)('--failure-threshold %s', (threshold) => {
    expect(runCliProcess([...LINTED, '-f', 'json', '--failure-threshold', threshold]).code).toBe(atOrAbove(threshold) ? 1 : 0);
  });

  it('--rule … =off for everything found gives 0; --max-warnings counts warnings', () => {
    const rules = (JSON.parse(runCliProcess([...LINTED, '-f', 'json']).stdout) as JsonFile[]).flatMap((f) => f.problems.map((p) => p.rule));
    const off = [...new Set(rules)].flatMap((id) => ['--rule', `${id}=off`]);
    expect(runCliProcess([...LINTED, ...off, '--failure-threshold', 'hint']).code).toBe(0);
    const asWarnings = [...new Set(rules)].flatMap((id) => ['--rule', `${id}=warning`]);
    const n = rules.length;
    expect(runCliProcess([...LINTED, ...asWarnings, '--max-warnings', String(n)]).code).toBe(0);
    expect(runCliProcess([...LINTED, ...asWarnings, '--max-warnings', String(n - 1)]).code).toBe(1);
  });

  it('a malformed config is exit 2 with file, line and column', () => {
    expect(runCliProcess([`${FIXTURES}/bad-config`])).toEqual({
      code: 2,
      stdout: '',
      stderr: `stagelint: ${FIXTURES}/bad-config/.stagelint.json:5:3: trailing comma is not allowed in JSON\n`,
    });
  });

  it('usage errors are exit 2 with one line', () => {
    expect(runCliProcess(['--format', 'xml'])).toEqual({ code: 2, stdout: '', stderr: "stagelint: invalid --format 'xml' (use stylish, json, sarif, github)\n" });
    expect(runCliProcess(['no/such/file'])).toEqual({ code: 2, stdout: '', stderr: 'stagelint: no/such/file: no such file or directory\n' });
  });
});

describe('--fix on a copy of the fixtures', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagelint-fix-'));
    mkdirSync(join(dir, '.git'));
    cpSync(join(ROOT, FIXTURES, 'multi-stage'), join(dir, 'multi-stage'), { recursive: true });
    return dir;
  };
  const expected = (file: string, unsafe: boolean) =>
    applyFixes(readFileSync(join(ROOT, FIXTURES, 'multi-stage', file), 'utf8'), { files: readFileFacts(join(ROOT, FIXTURES, 'multi-stage', file)), unsafe }).output;

  it.each([
    ['--fix', false],
    ['--unsafe-fixes', true],
  ])('%s rewrites the files as the engine fixes them', async (mode, unsafe) => {
    const dir = copy();
    const args = unsafe ? ['--fix', '--unsafe-fixes'] : ['--fix'];
    const r = runCliProcess(['multi-stage', ...args, '-f', 'json'], { cwd: dir });
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    for (const file of ['Dockerfile', 'web.Dockerfile']) {
      const fixed = readFileSync(join(dir, 'multi-stage', file), 'utf8');
      expect(fixed, `${mode} ${file}`).toBe(expected(file, unsafe));
      await expect(fixed).toMatchFileSnapshot(`__snapshots__/fixed${unsafe ? '-unsafe' : ''}.${file}`);
    }
    // What is reported after fixing is what is left in the fixed files.
    const after = runCliProcess(['multi-stage', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(after.stdout));
  });
});

describe('stdin and rules', () => {
  it('--stdin with --stdin-filename', () => {
    const text = readFileSync(join(ROOT, FIXTURES, 'multi-stage', 'web.Dockerfile'), 'utf8');
    const fromFile = JSON.parse(runCliProcess([`${FIXTURES}/multi-stage/web.Dockerfile`, '-f', 'json']).stdout) as JsonFile[];
    const fromStdin = JSON.parse(runCliProcess(['--stdin', '--stdin-filename', `${FIXTURES}/multi-stage/web.Dockerfile`, '-f', 'json'], { input: text }).stdout) as JsonFile[];
    expect(fromStdin).toEqual(fromFile);
  });

  it('rules --format json lists every rule with its metadata', async () => {
    const r = runCliProcess(['rules', '--format', 'json']);
    const rules = JSON.parse(r.stdout) as { id: string; sources: unknown; category: string; docs: { summary: string } }[];
    expect(rules.map((x) => x.id)).toEqual(allRules.map((x) => x.id));
    for (const rule of rules) expect(rule).toMatchObject({ sources: expect.any(Array), category: expect.any(String), docs: { summary: expect.any(String) } });
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/rules.json');
  });

  it('--version and --help', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCliProcess(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(runCliProcess(['--help']).stdout).toContain('--failure-threshold');
  });
});
