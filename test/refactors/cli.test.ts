/**
 * A refactor-backed fix through the CLI: `prefer-multi-stage-build` carries the split as an unsafe fix, so
 * `--fix` leaves the file single-stage and `--unsafe-fixes` writes the reviewed split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules';
import { runInProcess, tempTree } from '../cli/support/inProcess';
import { fixturesDir } from './support';

const input = readFileSync(join(fixturesDir, 'split', 'go.Dockerfile'), 'utf8');
const expected = readFileSync(join(fixturesDir, 'split', 'expected', 'go.Dockerfile'), 'utf8');
const rules = allRules.filter((r) => r.id === 'prefer-multi-stage-build');

describe('the split through the CLI', () => {
  it('--fix does not apply it (unsafe) and says an unsafe fix is available', async () => {
    const dir = tempTree({ Dockerfile: input, '.dockerignore': '.git\n' });
    const r = await runInProcess(['--fix'], { cwd: dir, rules });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(input);
    expect(r.stdout).toContain('prefer-multi-stage-build');
    expect(`${r.stdout}${r.stderr}`).toMatch(/--unsafe-fixes/);
  });

  it('--fix --unsafe-fixes writes the split', async () => {
    const dir = tempTree({ Dockerfile: input, '.dockerignore': '.git\n' });
    const r = await runInProcess(['--fix', '--unsafe-fixes'], { cwd: dir, rules });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(expected);
    expect(r.code).toBe(0);
  });
});
