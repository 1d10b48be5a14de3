// Stage features in the real VS Code workbench (code-server in Chromium): the stage card on hover and the
// stage graph webview, with screenshots of both kept in test-results/e2e/artifacts/ (on success too) for people to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWorkbench, RESULTS_DIR, type Workbench } from './harness.mjs';

const FILE = 'web-app/Dockerfile';
const SCREENSHOTS = join(RESULTS_DIR, 'artifacts');
let workbench: Workbench;

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await workbench.page.waitForTimeout(100);
  }
}

/** The webview frame that shows the drawn graph. */
function graphFrame(): Promise<Frame> {
  return until('the stage graph webview', async () => {
    for (const frame of workbench.page.frames()) {
      const drawn = await frame.evaluate(() => document.querySelector('#graph svg') !== null).catch(() => false);
      if (drawn) return frame;
    }
    return undefined;
  });
}

describe('stage features in VS Code (code-server)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    workbench = await launchWorkbench({ fixture: fileURLToPath(new URL('fixtures/workspace', import.meta.url)) });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') process.stderr.write(`e2e artifacts: ${await workbench.saveArtifacts(task.name)}\n`);
    await workbench.dismiss();
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('shows code lenses above each FROM and inlay hints for numeric references and separate or unreachable stages', async () => {
    await workbench.openFile(FILE);
    const lenses = await until('code lenses', async () => {
      const texts = await workbench.page.evaluate(() => [...document.querySelectorAll('.codelens-decoration')].map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')));
      return texts.length >= 6 ? texts : undefined;
    });
    expect(lenses).toContain('builder · used by test (FROM), runtime (1 copy, 1 mount) | ▶ build this stage');
    expect(lenses).toContain('final image | ▶ build this stage');
    const text = await workbench.editorText();
    expect(text).toMatch(/COPY --from=2\s*→ build/);
    expect(text).toMatch(/FROM \$\{BASE\}\s*= node:20-alpine AS base/);
    // `test` is built on its own with --target: a separate target, as no-unreachable-stage sees it.
    expect(text).toMatch(/FROM build AS test\s*separate target/);
  });

  it('hovering a stage name shows the stage card', async () => {
    await workbench.openFile(FILE);
    // Line 13: `FROM base AS build`, on the stage name.
    const text = await workbench.hoverAt(13, 16);
    expect(text).toMatch(/Stage build · builder/);
    expect(text).toMatch(/Used by/);
    expect(text).toMatch(/runtime \(COPY --from as 2, line 28\)/);
    expect(text).toMatch(/docker build --target build \./);
    await workbench.page.screenshot({ path: join(SCREENSHOTS, 'stage-hover.png') });
  });

  it('"stagelint: Show stage graph" draws the stages; clicking one reveals its FROM line', async () => {
    await workbench.openFile(FILE);
    await workbench.page.keyboard.press('Control+Shift+P');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill('>stagelint: Show stage graph');
    await workbench.page.waitForFunction(
      () => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.getAttribute('aria-label')?.includes('Show stage graph'),
      undefined,
      { timeout: 30_000 },
    );
    await workbench.page.keyboard.press('Enter');
    const frame = await graphFrame();
    const nodes = await frame.evaluate(() => [...document.querySelectorAll('#graph .node')].map((n) => `${n.getAttribute('class')}|${n.querySelector('.label')?.textContent}`));
    expect(nodes).toEqual([
      'node|base', 'node|deps', 'node|build', 'node deliberate-target|test', 'node unreachable|tools', 'node target|runtime ★',
    ]);
    expect(await frame.evaluate(() => document.querySelectorAll('#graph .edge').length)).toBe(8);
    await workbench.page.screenshot({ path: join(SCREENSHOTS, 'stage-graph.png') });

    await frame.locator('#graph .node', { hasText: 'deps' }).click();
    const status = workbench.page.locator('#status\\.editor\\.selection');
    await until('the cursor on the deps FROM line', async () => ((await status.innerText().catch(() => '')).includes('Ln 9,') ? true : undefined));
  });
});
