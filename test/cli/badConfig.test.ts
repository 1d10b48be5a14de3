/**
 * Bad `.stagelint.json` files on the command line: exit 2, one line per problem naming the file, line and column,
 * and nothing on stdout. (Malformed JSON, unknown rule ids and wrong severities are covered in run.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runInProcess, tempTree } from './support/inProcess';
import { TEST_RULES } from './support/testRules';

const run = (config: string) => runInProcess([], { cwd: tempTree({ '.stagelint.json': config, Dockerfile: 'FROM a:1\n', '.dockerignore': '' }), rules: TEST_RULES });

describe('a bad .stagelint.json on the command line', () => {
  it('a config that is not an object', async () => {
    const r = await run('["test-no-add"]\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stagelint: \.stagelint\.json:1:1: .*must be a JSON object\n$/);
  });

  it('wrong types for extends, targets, rules and ignorePatterns: one line each', async () => {
    const r = await run('{\n  "extends": "strict",\n  "targets": "build",\n  "rules": [],\n  "ignorePatterns": [1]\n}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => /^stagelint: \.stagelint\.json:(\d+):\d+: /.exec(l)?.[1])).toEqual(['2', '3', '4', '5']);
  });

  it('a severity that is not a string', async () => {
    const r = await run('{\n  "rules": {\n    "test-no-add": 2\n  }\n}\n');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("stagelint: .stagelint.json:3:20: invalid severity 2 for 'test-no-add' (use error, warning, info, hint or off)\n");
  });

  it('an empty config file is invalid JSON', async () => {
    const r = await run('');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^stagelint: \.stagelint\.json:1:1: /);
  });
});
