#!/usr/bin/env node
// Regenerates docs/screenshots/*.png: the demo (code-server with the freshly built extension on a copy of
// examples/) driven in headless Chromium the way a user would — open a Dockerfile, look at the squiggles and the
// Problems panel, open the quick-fix menu, hover a stage, show the stage graph.
//
// Usage: node scripts/screenshots.mjs [--no-build] [--out DIR]   (default: docs/screenshots)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, startCodeServer } from './codeServer.mjs';
import { ensureCodeServer } from './install-code-server.mjs';

const STEP_MS = 30_000;
const outIndex = process.argv.indexOf('--out');
const OUT = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(REPO_ROOT, 'docs', 'screenshots'));

/** Opens a workspace file through quick open (Ctrl+P). */
async function openFile(page, relativePath) {
  const [name, ...folders] = relativePath.split('/').reverse();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(relativePath);
  await page.waitForFunction(
    (label) => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.getAttribute('aria-label')?.startsWith(label),
    `${name} ${folders.reverse().join('/')},`,
    { timeout: STEP_MS },
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (suffix) => [...document.querySelectorAll('.editor-group-container.active .monaco-editor[data-uri]')].some((e) => e.getAttribute('data-uri')?.endsWith(suffix)),
    relativePath,
    { timeout: STEP_MS },
  );
}

/** Waits until the active editor shows at least `count` elements matching `selector`. */
async function waitForCount(page, selector, count) {
  await page.waitForFunction(
    ([s, n]) => (document.querySelector('.editor-group-container.active .monaco-editor')?.querySelectorAll(s).length ?? 0) >= n,
    [selector, count],
    { timeout: STEP_MS },
  );
}

async function goTo(page, line, column) {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_MS });
}

/** Hovers a position with the mouse, as a user does, and waits for the stage card. */
async function hoverWord(page, line, text) {
  const word = page.locator('.editor-group-container.active .view-line').nth(line - 1).getByText(text, { exact: true }).last();
  await word.hover();
  await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Stage' }).first().waitFor({ timeout: STEP_MS });
}

/** Hover and menus fade in; a screenshot taken mid-animation is half transparent. */
const settle = (page) => page.waitForTimeout(400);

async function shoot(page, name) {
  await settle(page);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`  ${join(OUT, `${name}.png`)}`);
}

async function main() {
  ensureCodeServer();
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  mkdirSync(OUT, { recursive: true });
  // A copy, so nothing the session does can touch examples/; named "examples" so the explorer reads as in the demo.
  const parent = mkdtempSync(join(tmpdir(), 'stagelint-screenshots-'));
  const workspace = join(parent, 'examples');
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({
    workspace,
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
    await page.goto(server.folderUrl());
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });

    // Squiggles and the Problems panel.
    await openFile(page, 'python-single-stage/Dockerfile');
    await waitForCount(page, '.squiggly-error, .squiggly-warning, .squiggly-info', 1);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Control+1'); // focus back on the editor: no selected row in the panel
    await waitForCount(page, '.codelens-decoration', 1);
    await shoot(page, 'problems');
    await page.keyboard.press('Control+J'); // close the panel again

    // The quick fix for the COPY --from typo.
    await openFile(page, 'typo-copy-from/Dockerfile');
    await waitForCount(page, '.squiggly-error', 1);
    await goTo(page, 9, 15);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'visible', timeout: STEP_MS });
    await shoot(page, 'quick-fix');
    await page.keyboard.press('Escape');

    // The stage card.
    await openFile(page, 'go-cgo-alpine/Dockerfile');
    await waitForCount(page, '.codelens-decoration', 2);
    await hoverWord(page, 1, 'builder');
    await shoot(page, 'stage-hover');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');

    // Code lenses and inlay hints, then the stage graph next to the file.
    await openFile(page, 'node-web-stages/Dockerfile');
    await waitForCount(page, '.codelens-decoration', 5);
    await shoot(page, 'code-lens');
    await page.keyboard.press('Control+B'); // hide the explorer: room for the file and its graph side by side
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: STEP_MS });
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill('>stagelint: Show stage graph');
    await page.waitForFunction(
      () => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.getAttribute('aria-label')?.includes('Show stage graph'),
      undefined,
      { timeout: STEP_MS },
    );
    await page.keyboard.press('Enter');
    const deadline = Date.now() + STEP_MS;
    let drawn = false;
    while (!drawn && Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (await frame.evaluate(() => document.querySelector('#graph svg') !== null).catch(() => false)) drawn = true;
      }
      if (!drawn) await page.waitForTimeout(100);
    }
    if (!drawn) throw new Error('the stage graph was not drawn');
    await shoot(page, 'stage-graph');
  } finally {
    await browser.close();
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
