/**
 * The demo's promises: examples/README.md says, for each example folder, which rules the user sees when opening
 * its Dockerfile (`npm start`). Every promised id that is a rule of the catalog must be reported on that example,
 * so the demo never opens on a file with missing squiggles. (Ids the catalog does not have yet are the
 * README's plans, not checked here; refactor titles are checked by the refactor tests.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules';
import { runInProcess } from '../cli/support/inProcess';

const root = join(__dirname, '..', '..');
const examplesDir = join(root, 'examples');
const RULE_IDS = new Set(allRules.map((rule) => rule.id));

interface Row {
  readonly folder: string;
  /** Rule ids named in backticks in the "what stagelint shows" column. */
  readonly promised: readonly string[];
}

function readmeRows(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(join(examplesDir, 'README.md'), 'utf8').split('\n')) {
    const folder = /^\|\s*\[`([^`]+)\/`\]/.exec(line)?.[1];
    if (!folder) continue;
    const shows = line.split('|').filter((cell) => cell.trim() !== '').at(-1) ?? '';
    const promised = [...shows.matchAll(/`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`/g)].map((m) => m[1] ?? '');
    rows.push({ folder, promised });
  }
  return rows;
}

const rows = readmeRows();
const folders = readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory());

describe('examples/ (the npm start demo)', () => {
  it('describes every example folder in examples/README.md, and only those', () => {
    expect(rows.map((row) => row.folder).sort()).toEqual([...folders].sort());
  });

  it.each(rows.map((row) => [row.folder, row] as const))('%s shows the rules its README row promises', async (folder, row) => {
    const result = await runInProcess([`examples/${folder}/Dockerfile`, '-f', 'json'], { cwd: root, rules: allRules });
    expect(result.code, result.stderr).toBeLessThan(2);
    const files = JSON.parse(result.stdout) as { problems: { rule: string }[] }[];
    const reported = new Set(files.flatMap((file) => file.problems.map((problem) => problem.rule)));
    const expected = row.promised.filter((id) => RULE_IDS.has(id));
    expect(expected.filter((id) => !reported.has(id)), `reported: ${[...reported].join(', ')}`).toEqual([]);
  });
});
