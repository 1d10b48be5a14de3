// The user's path through the real VS Code workbench (code-server in Chromium) with the built extension:
// squiggles and rule codes, a quick fix, the split refactor, the stage card on hover, and a settings change.
// One workbench serves every test (the first load is the slow part); each test works on its own file.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hovers, problems, quickFix, settingChange, split } from './expectations.js';
import { launchWorkbench, type Problem, type Workbench } from './harness.mjs';

let workbench: Workbench;

function countCodes(rows: readonly Problem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.code] = (counts[row.code] ?? 0) + 1;
  return counts;
}

describe('stagelint in VS Code (code-server)', () => {
  beforeAll(async () => {
    workbench = await launchWorkbench({ fixture: fileURLToPath(new URL('fixtures/workspace', import.meta.url)) });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const dir = await workbench.saveArtifacts(task.name);
      process.stderr.write(`e2e artifacts for "${task.name}": ${dir}\n`);
    }
    await workbench.dismiss();
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('shows squiggles and the rule codes in the Problems panel when a Dockerfile is opened', async () => {
    await workbench.openFile(problems.file);
    const expectedTotal = Object.values(problems.codes).reduce((a, b) => a + b, 0);
    await workbench.waitForSquiggles();
    const rows = await workbench.waitForProblems(problems.file, (r) => r.length >= expectedTotal);
    expect(countCodes(rows)).toEqual(problems.codes);
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set(['stagelint']));
  });

  it('fixes the stage-name typo in COPY --from with the quick fix', async () => {
    await workbench.openFile(quickFix.file);
    await workbench.waitForSquiggles((c) => c.error > 0);
    const before = await workbench.waitForProblems(quickFix.file, (r) => r.some((p) => p.code === quickFix.code));
    expect(before.find((p) => p.code === quickFix.code)?.line).toBe(quickFix.line);
    expect(await workbench.editorText()).toContain(quickFix.before);

    await workbench.triggerQuickFix(quickFix.title, quickFix.line, quickFix.column);

    const text = await workbench.waitForEditorText((t) => t.includes(quickFix.after));
    expect(text).not.toContain(quickFix.before);
    await workbench.waitForSquiggles((c) => c.error === 0);
    await workbench.waitForProblems(quickFix.file, (r) => !r.some((p) => p.code === quickFix.code));
  });

  it('splits a single-stage file into builder and runtime stages with the refactor', async () => {
    await workbench.openFile(split.file);
    await workbench.waitForProblems(split.file, (r) => split.codes.every((code) => r.some((p) => p.code === code)));

    await workbench.triggerQuickFix(split.title, split.line, split.column);

    const fromLines = (text: string) => text.split('\n').filter((line) => /^FROM\s/i.test(line));
    const text = await workbench.waitForEditorText((t) => fromLines(t).length === split.fromLines.length);
    expect(fromLines(text)).toEqual(split.fromLines);
    await workbench.waitForProblems(split.file, (r) => !r.some((p) => split.codes.includes(p.code)));
  });

  it('shows the stage card with the stage role when hovering a FROM line', async () => {
    for (const hover of hovers) {
      await workbench.openFile(hover.file);
      const text = await workbench.hoverAt(hover.line, hover.column);
      for (const pattern of hover.mustMatch) {
        expect(text, `hover at ${hover.file}:${hover.line}:${hover.column}`).toMatch(pattern);
      }
      await workbench.dismiss();
    }
  });

  it('updates the diagnostics when stagelint.rules turns a rule off', async () => {
    await workbench.openFile(settingChange.file);
    const before = await workbench.waitForProblems(settingChange.file, (r) =>
      r.some((p) => p.code === settingChange.rule),
    );
    const others = before.filter((p) => p.code !== settingChange.rule).map((p) => p.code).sort();

    workbench.setSetting('stagelint.rules', { [settingChange.rule]: 'off' });
    const after = await workbench.waitForProblems(settingChange.file, (r) =>
      !r.some((p) => p.code === settingChange.rule),
    );
    expect(after.map((p) => p.code).sort()).toEqual(others);

    workbench.setSetting('stagelint.rules', undefined);
    await workbench.waitForProblems(settingChange.file, (r) => r.some((p) => p.code === settingChange.rule));
  });
});
