/** The CLI's behaviour, in-process with known test rules: exit codes, fixes, config, discovery, output details. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempTree } from './support/inProcess';
import { TEST_RULES } from './support/testRules';

const DOCKERFILE = 'FROM alpine:latest AS build\nRUN sudo apk add curl\nADD app.tar /app\n';
const run = (argv: string[], cwd: string, extra: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}) =>
  runInProcess(argv, { cwd, rules: TEST_RULES, ...extra });

interface JsonProblem { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string; fixes: { title: string; safety: string }[] }
const problemsOf = (stdout: string) => (JSON.parse(stdout) as { file: string; problems: JsonProblem[] }[]).flatMap((f) => f.problems);

describe('exit codes', () => {
  // The file has one error (ADD), one warning (sudo), one info (latest) and one hint (no .dockerignore).
  const dir = tempTree({ Dockerfile: DOCKERFILE });
  it.each([
    [[], 1],
    [['--failure-threshold', 'error'], 1],
    [['--rule', 'test-no-add=off'], 0],
    [['--rule', 'test-no-add=off', '--failure-threshold', 'warning'], 1],
    [['--rule', 'test-no-add=off', '--rule', 'test-no-sudo=off', '--failure-threshold', 'warning'], 0],
    [['--rule', 'test-no-add=off', '--rule', 'test-no-sudo=off', '--failure-threshold', 'info'], 1],
    [['--rule', 'test-no-add=off', '--rule', 'test-no-sudo=off', '--rule', 'test-no-latest=off', '--failure-threshold', 'info'], 0],
    [['--rule', 'test-no-add=off', '--rule', 'test-no-sudo=off', '--rule', 'test-no-latest=off', '--failure-threshold', 'hint'], 1],
    [['--rule', 'test-no-add=off', '--max-warnings', '1'], 0],
    [['--rule', 'test-no-add=off', '--max-warnings', '0'], 1],
    [['--rule', 'test-no-add=off', '--max-warnings=-1'], 0],
    [['--rule', 'test-no-add=warning', '--max-warnings', '1'], 1],
  ])('%j → %i', async (args, code) => {
    const r = await run(['-f', 'json', ...args], dir);
    expect(r.code, r.stderr).toBe(code);
  });

  it('says why when there are too many warnings', async () => {
    const r = await run(['--rule', 'test-no-add=off', '--max-warnings', '0'], dir);
    expect(r.stderr).toBe('stagelint: too many warnings (1, the maximum is 0)\n');
  });

  it('--no-ignore-comments reports suppressed problems', async () => {
    const d = tempTree({ Dockerfile: 'FROM alpine:3\n# stagelint-ignore test-no-add -- vendored tarball\nADD a.tar /a\n# hadolint ignore=DL3020\nADD b.tar /b\n', '.dockerignore': '' });
    expect((await run(['-f', 'json'], d)).code).toBe(0);
    const r = await run(['-f', 'json', '--no-ignore-comments'], d);
    expect(r.code).toBe(1);
    expect(problemsOf(r.stdout).map((p) => p.line)).toEqual([3, 5]);
  });
});

describe('--fix', () => {
  it('applies safe fixes, creates missing files, reports what is left and hints at unsafe fixes', async () => {
    const dir = tempTree({ 'Dockerfile': DOCKERFILE });
    const r = await run(['--fix'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM alpine:latest AS build\nRUN apk add curl\nADD app.tar /app\n');
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('.git\nnode_modules\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'Dockerfile',
        "  1:6  info   Image 'alpine:latest' floats           test-no-latest",
        "  3:1  error  Use COPY instead of ADD for 'app.tar'  test-no-add",
        '',
        '✖ 2 problems (1 error, 0 warnings, 1 info)',
        '✔ Fixed 2 problems in 1 file',
        '  1 problem has an unsafe fix (not applied): review and apply with `--fix --unsafe-fixes`',
        '',
      ].join('\n'),
    );
  });

  it('--unsafe-fixes applies unsafe fixes too, and never overwrites an existing file', async () => {
    const dir = tempTree({ Dockerfile: DOCKERFILE, '.dockerignore': 'mine\n' });
    const r = await run(['--fix', '--unsafe-fixes', '-f', 'json'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM alpine:1 AS build\nRUN apk add curl\nADD app.tar /app\n');
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('mine\n');
    expect(problemsOf(r.stdout).map((p) => p.rule)).toEqual(['test-no-add']);
    expect(r.stderr).toBe('');
  });

  it('does not write files that need no change', async () => {
    const dir = tempTree({ Dockerfile: 'FROM alpine:3\n', '.dockerignore': '' });
    const before = readFileSync(join(dir, 'Dockerfile'));
    const r = await run(['--fix'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'Dockerfile'))).toEqual(before);
  });

  it('with --stdin prints the fixed text to stdout and the report to stderr', async () => {
    const dir = tempTree({});
    const r = await run(['--stdin', '--fix', '-f', 'json', '--rule', 'test-need-ignore=off'], dir, { stdin: 'FROM a:1\nRUN sudo ls\n' });
    expect(r.stdout).toBe('FROM a:1\nRUN ls\n');
    expect(JSON.parse(r.stderr)).toEqual([{ file: '<stdin>', problems: [] }]);
    expect(r.code).toBe(0);
  });

  it('without --fix, the stylish summary says what --fix would do', async () => {
    const dir = tempTree({ Dockerfile: DOCKERFILE });
    const r = await run([], dir);
    expect(r.stdout.split('\n').slice(-4)).toEqual([
      '✖ 4 problems (1 error, 1 warning, 1 info, 1 hint)',
      '  2 problems fixable with `--fix`',
      '  1 problem has an unsafe fix (not applied): review and apply with `--fix --unsafe-fixes`',
      '',
    ]);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });

  it('machine formats keep stdout parseable and print the hint on stderr', async () => {
    const dir = tempTree({ Dockerfile: DOCKERFILE });
    const r = await run(['-f', 'sarif'], dir);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toBe('stagelint: 1 problem has an unsafe fix (not applied): review and apply with `--fix --unsafe-fixes`\n');
  });
});

describe('configuration', () => {
  it('uses the nearest .stagelint.json above each file, up to the repository root', async () => {
    const dir = tempTree({
      '.stagelint.json': '{"rules": {"test-no-add": "warning"}}',
      'a/Dockerfile': 'FROM a:1\nADD x /x\n',
      'b/.stagelint.json': '{"rules": {"test-no-add": "off"}}',
      'b/Dockerfile': 'FROM a:1\nADD x /x\n',
      'a/.dockerignore': '',
      'b/.dockerignore': '',
    });
    const r = await run(['-f', 'json'], dir);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { file: join('a', 'Dockerfile'), problems: [{ rule: 'test-no-add', severity: 'warning' }] },
      { file: join('b', 'Dockerfile'), problems: [] },
    ]);
    // Above the repository root nothing is read: a sub-repository ignores its parent's config.
    writeFileSync(join(dir, 'b', '.stagelint.json'), '{}');
    const nested = tempTree({ 'Dockerfile': 'FROM a:1\nADD x /x\n', '.dockerignore': '' });
    expect((await run(['-f', 'json'], nested)).code).toBe(1);
  });

  it('--config applies one file to everything', async () => {
    const dir = tempTree({ 'x/Dockerfile': 'FROM a:1\nADD x /x\n', 'x/.dockerignore': '', 'cfg.json': '{"rules": {"test-no-add": "info"}}' });
    const r = await run(['-f', 'json', '--config', 'cfg.json', 'x'], dir);
    expect(problemsOf(r.stdout).map((p) => p.severity)).toEqual(['info']);
    expect(r.code).toBe(0);
  });

  it('a malformed config is exit 2, naming file, line and column', async () => {
    const dir = tempTree({ '.stagelint.json': '{\n  "rules": {\n    "test-no-add": "off",\n  }\n}\n', Dockerfile: 'FROM a:1\n' });
    const r = await run([], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'stagelint: .stagelint.json:4:3: trailing comma is not allowed in JSON\n' });
  });

  it('an invalid config lists every problem', async () => {
    const dir = tempTree({ '.stagelint.json': '{\n  "rules": {"test-no-ad": "off", "test-no-sudo": "loud"},\n  "target": []\n}\n', Dockerfile: 'FROM a:1\n' });
    const r = await run([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "stagelint: .stagelint.json:2:13: unknown rule 'test-no-ad' (did you mean 'test-no-add'?)",
        'stagelint: .stagelint.json:2:50: invalid severity "loud" for \'test-no-sudo\' (use error, warning, info, hint or off)',
        "stagelint: .stagelint.json:3:3: unknown property 'target' (expected one of $schema, extends, rules, targets, ignorePatterns)",
        '',
      ].join('\n'),
    );
  });

  it('targets from the config and --target are both honoured', async () => {
    // Only checks that the options reach the engine: the model marks listed stages as targets.
    const dir = tempTree({ '.stagelint.json': '{"targets": ["test"]}', Dockerfile: 'FROM a:1 AS test\nFROM a:1\n', '.dockerignore': '' });
    expect((await run(['--target', 'other', '-f', 'json'], dir)).code).toBe(0);
  });
});

describe('file discovery', () => {
  const dir = tempTree({
    'Dockerfile': 'FROM a:1\n',
    'Dockerfile.dev': 'FROM a:1\n',
    'Dockerfile.dockerignore': 'x\n',
    'api.Dockerfile': 'FROM a:1\n',
    'web.dockerfile': 'FROM a:1\n',
    'Containerfile': 'FROM a:1\n',
    'deploy/Containerfile.debug': 'FROM a:1\n',
    'README.md': '# x\n',
    'Dockerfile.md': '# x\n',
    'node_modules/pkg/Dockerfile': 'FROM a:1\n',
    'vendor/Dockerfile': 'FROM a:1\n',
    'notes.txt': 'FROM a:1\n',
    '.stagelint.json': '{"ignorePatterns": ["vendor/"], "rules": {"test-need-ignore": "off"}}',
  });
  const files = async (args: string[]) => (JSON.parse((await run(['-f', 'json', ...args], dir)).stdout) as { file: string }[]).map((f) => f.file.split('\\').join('/'));

  it('searches folders recursively for Dockerfile names, skipping node_modules and ignorePatterns', async () => {
    expect(await files([])).toEqual(['Containerfile', 'Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'deploy/Containerfile.debug', 'web.dockerfile']);
    expect(await files(['.'])).toEqual(await files([]));
    expect(await files(['deploy'])).toEqual(['deploy/Containerfile.debug']);
  });

  it('lints a named file whatever its name, even when ignorePatterns match it, once', async () => {
    expect(await files(['notes.txt', 'vendor/Dockerfile', 'notes.txt'])).toEqual(['notes.txt', 'vendor/Dockerfile']);
  });

  it('expands quoted globs', async () => {
    expect(await files(['*.?ockerfile'])).toEqual(['api.Dockerfile', 'web.dockerfile']);
    expect(await files(['**/Containerfile*'])).toEqual(['Containerfile', 'deploy/Containerfile.debug']);
  });

  it('a missing path is exit 2; a folder without Dockerfiles is a warning', async () => {
    expect(await run(['nope'], dir)).toEqual({ code: 2, stdout: '', stderr: 'stagelint: nope: no such file or directory\n' });
    expect(await run(['nope*'], dir)).toEqual({ code: 2, stdout: '', stderr: 'stagelint: nope*: no files match this pattern\n' });
    const empty = tempTree({ 'a.txt': '' });
    expect(await run(['-f', 'json'], empty)).toEqual({ code: 0, stdout: '[]\n', stderr: "stagelint: no Dockerfiles found in '.'\n" });
  });

  it('reads .dockerignore facts from beside the Dockerfile (the Dockerfile-specific one first)', async () => {
    const d = tempTree({ 'a/Dockerfile': 'FROM a:1\n', 'b/Dockerfile': 'FROM a:1\n', 'b/Dockerfile.dockerignore': '', 'c/Dockerfile': 'FROM a:1\n', 'c/.dockerignore': '' });
    const r = await run(['-f', 'json'], d);
    expect((JSON.parse(r.stdout) as { file: string; problems: unknown[] }[]).map((f) => [f.file.split('\\').join('/'), f.problems.length])).toEqual([
      ['a/Dockerfile', 1],
      ['b/Dockerfile', 0],
      ['c/Dockerfile', 0],
    ]);
  });
});

describe('usage errors → exit 2 with one clear line', () => {
  const dir = tempTree({ Dockerfile: 'FROM a:1\n' });
  it.each([
    [['--bogus'], "unknown option '--bogus' (see stagelint --help)"],
    [['--format'], "option '--format' needs a value (see stagelint --help)"],
    [['--format', 'xml'], "invalid --format 'xml' (use stylish, json, sarif, github)"],
    [['--rule', 'test-no-sudo'], "invalid --rule 'test-no-sudo' (expected <rule-id>=<severity>, e.g. no-unreachable-stage=off)"],
    [['--rule', 'test-no-sud=off'], "unknown rule 'test-no-sud' in --rule (did you mean 'test-no-sudo'?)"],
    [['--rule', 'test-no-sudo=fatal'], "invalid severity 'fatal' in --rule test-no-sudo (use error, warning, info, hint or off)"],
    [['--max-warnings', 'many'], "invalid --max-warnings 'many' (expected a number of warnings, 0 or more)"],
    [['--max-warnings', '-1'], "option '--max-warnings' needs its value attached when it starts with '-', e.g. --max-warnings=-1"],
    [['--fix=yes'], "option '--fix' takes no value (see stagelint --help)"],
    [['--failure-threshold', 'off'], "invalid --failure-threshold 'off' (use error, warning, info or hint)"],
    [['--unsafe-fixes'], '--unsafe-fixes needs --fix'],
    [['--stdin', 'Dockerfile'], '--stdin reads one file from standard input: do not also give paths'],
    [['--stdin-filename', 'x'], '--stdin-filename needs --stdin'],
    [['rules', '--fix'], "option '--fix' does not apply to 'rules'"],
    [['rules', '--format', 'sarif'], "invalid --format 'sarif' (use stylish, json)"],
    [['--config', 'missing.json'], 'missing.json: no such file or directory'],
  ])('%j', async (args, message) => {
    expect(await run(args, dir)).toEqual({ code: 2, stdout: '', stderr: `stagelint: ${message}\n` });
  });
});

describe('output', () => {
  const dir = tempTree({ Dockerfile: DOCKERFILE });

  it('json has exactly the documented shape, 1-based and end-exclusive', async () => {
    const r = await run(['-f', 'json'], dir);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'Dockerfile',
        problems: [
          { rule: 'test-need-ignore', severity: 'hint', message: 'No .dockerignore: the whole folder is sent as build context', line: 1, column: 1, endLine: 1, endColumn: 5, fixes: [{ title: 'Create a .dockerignore', safety: 'safe' }] },
          { rule: 'test-no-latest', severity: 'info', message: "Image 'alpine:latest' floats", line: 1, column: 6, endLine: 1, endColumn: 19, fixes: [{ title: "Pin 'alpine:latest' to ':1' (unsafe)", safety: 'unsafe' }] },
          { rule: 'test-no-sudo', severity: 'warning', message: "Don't use sudo in RUN, builds run as root already", line: 2, column: 5, endLine: 2, endColumn: 9, fixes: [{ title: "Remove 'sudo'", safety: 'safe' }] },
          { rule: 'test-no-add', severity: 'error', message: "Use COPY instead of ADD for 'app.tar'", line: 3, column: 1, endLine: 3, endColumn: 4, fixes: [] },
        ],
      },
    ]);
  });

  it('github annotations map severities and escape values', async () => {
    const d = tempTree({ 'a,b/Dockerfile': 'FROM a:1\nADD 50%:x /x\n', 'a,b/.dockerignore': '' });
    const r = await run(['-f', 'github'], d);
    expect(r.stdout).toBe("::error file=a%2Cb/Dockerfile,line=2,col=1,endLine=2,endColumn=4,title=test-no-add::Use COPY instead of ADD for '50%25:x'\n");
    const all = await run(['-f', 'github'], dir);
    expect(all.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['::notice', '::notice', '::warning', '::error', '']);
  });

  it('sarif: rule descriptors, ruleIndex, relative URIs, related locations, safe fixes only', async () => {
    const sarif = JSON.parse((await run(['-f', 'sarif'], dir)).stdout) as {
      runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string }; properties: { tags: string[] } }[] } }; results: Record<string, unknown>[] }[];
    };
    const [runResult] = sarif.runs;
    expect(runResult!.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level, r.properties.tags])).toEqual([
      ['test-need-ignore', 'note', ['performance']],
      ['test-no-add', 'error', ['correctness']],
      ['test-no-latest', 'note', ['suspicious']],
      ['test-no-sudo', 'warning', ['security']],
    ]);
    const results = runResult!.results;
    expect(results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['test-need-ignore', 0, 'note'],
      ['test-no-latest', 2, 'note'],
      ['test-no-sudo', 3, 'warning'],
      ['test-no-add', 1, 'error'],
    ]);
    expect(results[3]).toMatchObject({
      locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 4 } } }],
      relatedLocations: [{ id: 1, message: { text: 'the whole instruction' }, physicalLocation: { region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 17 } } }],
    });
    expect(results[1]!.fixes).toBeUndefined();
    expect(results[2]!.fixes).toEqual([
      {
        description: { text: "Remove 'sudo'" },
        artifactChanges: [{ artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 10 }, insertedContent: { text: '' } }] }],
      },
    ]);
    // Fixes that only create files have no replacement to describe.
    expect(results[0]!.fixes).toBeUndefined();
  });

  it('colours stylish output only for a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    const ansi = /\u001b\[/;
    expect((await run([], dir, { tty: false })).stdout).not.toMatch(ansi);
    expect((await run([], dir, { tty: true })).stdout).toMatch(ansi);
    expect((await run([], dir, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await run([], dir, { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await run([], dir, { tty: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ansi);
  });

  it('--output writes the report to a file, uncoloured', async () => {
    const r = await run(['-o', 'report.txt'], dir, { tty: true });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/^Dockerfile\n {2}1:1 {2}hint/);
    expect(r.code).toBe(1);
  });

  it('--stdin-filename names the input and finds its config and .dockerignore', async () => {
    const d = tempTree({ 'svc/.stagelint.json': '{"rules": {"test-no-add": "warning"}}', 'svc/.dockerignore': '' });
    const r = await run(['--stdin', '--stdin-filename', 'svc/Dockerfile', '-f', 'json'], d, { stdin: 'FROM a:1\nADD x /x\n' });
    expect(JSON.parse(r.stdout)).toEqual([{ file: 'svc/Dockerfile', problems: [expect.objectContaining({ rule: 'test-no-add', severity: 'warning' })] }]);
  });

  it('--help, --version and rules', async () => {
    expect((await run(['--help'], dir)).stdout).toMatch(/^Usage: stagelint \[paths\.\.\.\] \[options\]/);
    expect((await run(['--version'], dir)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const rules = JSON.parse((await run(['rules', '--format', 'json'], dir)).stdout) as { id: string; sources: unknown[]; docsUrl: string }[];
    expect(rules.map((r) => r.id)).toEqual(TEST_RULES.map((r) => r.id));
    expect(rules[1]).toMatchObject({ id: 'test-no-add', sources: [{ tool: 'hadolint', id: 'DL3020', relation: 'same' }], docsUrl: expect.stringContaining('/docs/rules/test-no-add.md') });
    expect((await run(['rules'], dir)).stdout.split('\n')[0]).toMatch(/^rule +category +default +preset +fix +peers/);
  });
});
