// Drives the real VS Code workbench (code-server) in Debian's Chromium, the way a user does: keyboard shortcuts,
// the quick-open box, the Problems panel, the quick-fix menu and hovers. Every wait is on the DOM (or a file the
// workbench reads), with a deadline; none is a fixed sleep.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, startCodeServer, type CodeServerHandle } from '../../scripts/codeServer.mjs';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Absolute path of the file the Problems panel groups this row under. */
  file: string;
  severity: Severity;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

export interface SquiggleCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface LaunchOptions {
  /** Folder copied to a fresh temporary workspace, so tests may edit files freely. */
  fixture: string;
  /** Extension folders to load; STAGELINT_E2E_EXTENSION or the repository itself by default. */
  extensions?: readonly string[];
}

export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');
/** The first workbench load compiles a lot of JavaScript on 2 cores. */
const FIRST_LOAD_MS = 120_000;
const STEP_MS = 30_000;
const MOD = 'Control';

export async function launchWorkbench(options: LaunchOptions): Promise<Workbench> {
  const workspace = mkdtempSync(join(tmpdir(), 'stagelint-e2e-workspace-'));
  cpSync(options.fixture, workspace, { recursive: true });
  const extensions = options.extensions ?? [process.env.STAGELINT_E2E_EXTENSION ?? REPO_ROOT];
  const server = await startCodeServer({ workspace, extensions });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbench = new Workbench(page, browser, server, workspace);
    await workbench.load();
    return workbench;
  } catch (error) {
    await browser?.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
    throw error;
  }
}

export class Workbench {
  private readonly consoleLines: string[] = [];

  constructor(
    readonly page: Page,
    private readonly browser: Browser,
    readonly server: CodeServerHandle,
    /** Absolute path of the temporary workspace folder. */
    readonly workspace: string,
  ) {
    page.on('console', (message) => this.consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.consoleLines.push(`[pageerror] ${error.message}`));
  }

  /** Opens the workbench on the workspace and waits until the explorer shows the folder. */
  async load(): Promise<void> {
    await this.page.goto(this.server.folderUrl(this.workspace));
    await this.page.waitForSelector('.monaco-workbench', { timeout: FIRST_LOAD_MS });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: FIRST_LOAD_MS });
  }

  /** Opens a workspace file through quick open (Ctrl+P), as a user who knows its name does. */
  async openFile(relativePath: string): Promise<void> {
    const uriSuffix = `${basename(this.workspace)}/${relativePath}`;
    const name = basename(relativePath);
    const folder = dirname(relativePath);
    // A result row reads "<name> <folder>, file results"; until the search for the typed text finishes, the
    // focused row may still be a recently opened file of the same name.
    const rowLabel = folder === '.' ? `${name},` : `${name} ${folder},`;
    await this.page.keyboard.press(`${MOD}+P`);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(relativePath);
    await this.page.waitForFunction(
      (label) => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.getAttribute('aria-label')?.startsWith(label),
      rowLabel,
      { timeout: STEP_MS },
    );
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(
      (suffix) => [...document.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor[data-uri]')]
        .some((editor) => editor.getAttribute('data-uri')?.endsWith(suffix)),
      uriSuffix,
      { timeout: STEP_MS },
    );
  }

  /** Squiggles currently drawn in the active editor (a multi-line diagnostic draws one per line). */
  async squiggleCounts(): Promise<SquiggleCounts> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const count = (selector: string) => editor?.querySelectorAll(selector).length ?? 0;
      return {
        error: count('.squiggly-error'),
        warning: count('.squiggly-warning'),
        info: count('.squiggly-info'),
        hint: count('.squiggly-hint'),
      };
    });
  }

  /** Waits until the active editor's squiggles satisfy `accept` (by default: at least one error/warning/info). */
  async waitForSquiggles(
    accept: (counts: SquiggleCounts) => boolean = (c) => c.error + c.warning + c.info > 0,
    timeoutMs = STEP_MS,
  ): Promise<SquiggleCounts> {
    return this.pollUntil(() => this.squiggleCounts(), accept, timeoutMs, 'squiggles');
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and waits for its tree. */
  async openProblemsPanel(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press(`${MOD}+Shift+M`);
    }
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: STEP_MS });
  }

  /** Rows of the Problems panel, optionally only those of one workspace file. */
  async readProblems(relativePath?: string): Promise<Problem[]> {
    await this.openProblemsPanel();
    const rows = await this.page.evaluate(() => {
      const list = [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort(
        (a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')),
      );
      const text = (row: Element, selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      let file = '';
      const result = [];
      for (const row of list) {
        if (row.querySelector('.resource-label-container')) {
          // A file header row: its label carries the absolute path.
          file = row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '';
          continue;
        }
        const icon = row.querySelector('.marker-icon');
        // Neither a file nor a problem: a problem's related information ("'npm ci' runs after … [Ln 4, Col 5]").
        if (!icon) continue;
        const severity = ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? 'info';
        const position = /Ln (\d+), Col (\d+)/.exec(text(row, '.marker-line'));
        result.push({
          file,
          severity,
          message: text(row, '.marker-message'),
          source: text(row, '.marker-source'),
          code: text(row, '.marker-code'),
          line: Number(position?.[1] ?? 0),
          column: Number(position?.[2] ?? 0),
        });
      }
      return result;
    });
    const wanted = relativePath === undefined ? undefined : join(this.workspace, relativePath);
    return (rows as Problem[]).filter((row) => wanted === undefined || row.file === wanted);
  }

  /** Polls the Problems panel until the rows of `relativePath` satisfy `accept`. */
  async waitForProblems(
    relativePath: string,
    accept: (problems: Problem[]) => boolean,
    timeoutMs = STEP_MS,
  ): Promise<Problem[]> {
    return this.pollUntil(() => this.readProblems(relativePath), accept, timeoutMs, `problems of ${relativePath}`);
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press(`${MOD}+G`);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: STEP_MS });
    await this.page
      .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) })
      .first()
      .waitFor({ timeout: STEP_MS });
  }

  /** Opens the quick-fix menu (Ctrl+.) at a position and applies the action with this exact title. */
  async triggerQuickFix(title: string, line: number, column: number): Promise<void> {
    await this.goTo(line, column);
    await this.page.keyboard.press(`${MOD}+.`);
    const actions = this.page.locator('.action-widget .monaco-list-row.action');
    // The menu opens once the code actions are computed, all at once: if the title is not there, it is not offered.
    await actions.first().waitFor({ state: 'visible', timeout: STEP_MS });
    const offered = await actions.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    if (!offered.includes(title)) {
      throw new Error(`quick fix '${title}' not offered at ${line}:${column}; offered: ${JSON.stringify(offered)}`);
    }
    // Choose it with the keyboard, as the menu is meant to be used (a mouse click can land on the menu's
    // pointer guard while it animates in).
    for (let step = 0; step <= offered.length; step++) {
      const focused = await this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label');
      if (focused === title) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.locator(`.action-widget .monaco-list-row.action.focused[aria-label="${cssEscape(title)}"]`)
      .waitFor({ timeout: STEP_MS });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** Shows the hover at a position (Ctrl+K Ctrl+I, "Show or Focus Hover") and returns its text once loaded. */
  async hoverAt(line: number, column: number): Promise<string> {
    await this.goTo(line, column);
    await this.page.keyboard.press(`${MOD}+K`);
    await this.page.keyboard.press(`${MOD}+I`);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content');
    return this.pollUntil(
      async () => ((await hover.count()) > 0 ? (await hover.first().innerText()).trim() : ''),
      (text) => text.length > 0 && !/^Loading\.\.\.$/m.test(text),
      STEP_MS,
      `hover at ${line}:${column}`,
    );
  }

  /** Closes a hover or menu left open. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Text of the active editor, read from its rendered lines (fine for the short files the tests use). */
  async editorText(): Promise<string> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const lines = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])] as HTMLElement[];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  async waitForEditorText(accept: (text: string) => boolean, timeoutMs = STEP_MS): Promise<string> {
    return this.pollUntil(() => this.editorText(), accept, timeoutMs, 'editor text');
  }

  /**
   * Sets a workspace setting by editing `.vscode/settings.json`, as a user editing it by hand does; the workbench
   * watches the file and the extension receives the change. (An external edit of the *user* settings.json is not
   * noticed by code-server 4.100, so the workspace file is the reliable route.) `undefined` removes the key.
   */
  setSetting(key: string, value: unknown): void {
    const dir = join(this.workspace, '.vscode');
    const file = join(dir, 'settings.json');
    mkdirSync(dir, { recursive: true });
    const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    if (value === undefined) delete settings[key];
    else settings[key] = value;
    writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
  }

  /** Saves a screenshot, the browser console, code-server's output and every workbench log (extension host too). */
  async saveArtifacts(name: string): Promise<string> {
    const dir = join(RESULTS_DIR, name.replace(/[^\w.-]+/g, '-').slice(0, 120));
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, 'screenshot.png') }).catch(() => undefined);
    writeFileSync(join(dir, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
    if (existsSync(this.server.logFile)) cpSync(this.server.logFile, join(dir, 'code-server.log'));
    const logs = join(this.server.userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, join(dir, 'logs'), { recursive: true });
    return dir;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.workspace, { recursive: true, force: true });
  }

  private async focusEditor(): Promise<void> {
    // "Focus First Editor Group": keyboard shortcuts below then act on the editor, not on a panel.
    await this.page.keyboard.press(`${MOD}+1`);
    await this.page.waitForFunction(
      () => document.activeElement?.closest('.editor-group-container.active .monaco-editor') != null,
      undefined,
      { timeout: STEP_MS },
    );
  }

  /** Re-reads `read()` (each read is a DOM query) until `accept` holds or the deadline passes. */
  private async pollUntil<T>(
    read: () => Promise<T>,
    accept: (value: T) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T = await read();
    while (!accept(last)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
      }
      // Wait for the next DOM change (or at most 250 ms) before reading again.
      await this.page.evaluate(
        () => new Promise<void>((done) => {
          const observer = new MutationObserver(() => { observer.disconnect(); done(); });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => { observer.disconnect(); done(); }, 250);
        }),
      );
      last = await read();
    }
    return last;
  }
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
