// Helpers to run code-server (VS Code's own workbench and extension host, served to a browser) with the
// stagelint extension: used by `npm start` (the demo) and by the end-to-end tests.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = join(REPO_ROOT, '.cache', 'code-server');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that keep Debian's Chromium quiet and offline in a container (no sandbox: we run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function codeServerEntry() {
  return join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * Settings every session starts with: no welcome page or walkthrough taking focus, no trust prompt (stagelint
 * declares untrusted-workspace support, but the prompt itself would cover the editor).
 */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'files.autoSave': 'off',
  // examples/ lives inside this repository: no "open the parent git repository?" prompt over the editor.
  'git.openRepositoryInParentFolders': 'never',
};

function readManifest(extensionPath) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  for (const key of ['publisher', 'name', 'version']) {
    if (typeof manifest[key] !== 'string') throw new Error(`${extensionPath}/package.json has no "${key}"`);
  }
  return manifest;
}

/**
 * Makes `extensionsDir` hold each extension as `<publisher>.<name>-<version>`, a symlink to its folder, so the
 * workbench loads the freshly built dist/ without copying or packaging anything.
 */
export function linkExtensions(extensionsDir, extensionPaths) {
  mkdirSync(extensionsDir, { recursive: true });
  for (const extensionPath of extensionPaths) {
    const { publisher, name, version, main } = readManifest(extensionPath);
    if (typeof main === 'string' && !existsSync(resolve(extensionPath, main))) {
      throw new Error(`${resolve(extensionPath, main)} does not exist: build the extension first (npm run build)`);
    }
    const link = join(extensionsDir, `${publisher}.${name}-${version}`);
    if (!existsSync(link)) symlinkSync(resolve(extensionPath), link, 'dir');
  }
}

export function writeUserSettings(userDataDir, settings) {
  const userDir = join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
}

/**
 * Starts code-server on a free loopback port with a fresh user-data-dir and extensions dir.
 * Resolves once it answers HTTP; rejects (and stops it) when it exits or does not become ready in time.
 *
 * @param {{ workspace: string, extensions?: string[], settings?: Record<string, unknown>, stateDir?: string,
 *   port?: number, extraArgs?: string[], env?: Record<string, string>, readyTimeoutMs?: number,
 *   echo?: boolean }} options
 */
export async function startCodeServer(options) {
  const entry = codeServerEntry();
  if (!existsSync(entry)) throw new Error(`code-server is not installed: run node scripts/install-code-server.mjs`);
  // A temporary state dir is ours to delete on stop(); a given one is the caller's (e.g. kept as a test artifact).
  const ownsStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'stagelint-code-server-'));
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  writeUserSettings(userDataDir, options.settings ?? {});
  linkExtensions(extensionsDir, options.extensions ?? [REPO_ROOT]);
  const logFile = join(stateDir, 'code-server.log');
  const logStream = createWriteStream(logFile);

  const args = [
    entry,
    '--auth', 'none',
    // Port 0: the kernel picks a free port, which code-server reports in its "listening on" line (no race).
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.extraArgs ?? []),
    resolve(options.workspace),
  ];
  // detached: its own process group, so stop() can reach the extension host and language server too.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // EXTENSIONS_GALLERY={}: no marketplace, so nothing reaches for the network (the workbench would otherwise
    // query a gallery for the extension under development).
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...options.env },
  });
  let output = '';
  const onData = (chunk) => {
    output += chunk.toString();
    logStream.write(chunk);
    if (options.echo) process.stderr.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));

  const handle = {
    pid: child.pid,
    stateDir,
    userDataDir,
    extensionsDir,
    logFile,
    workspace: resolve(options.workspace),
    url: '',
    /** Settles when the code-server process ends, for whatever reason. */
    exited,
    /** URL that opens the workbench on the given folder (defaults to the workspace). */
    folderUrl(folder = resolve(options.workspace)) {
      return `${handle.url}?folder=${encodeURIComponent(folder)}`;
    },
    async stop() {
      await stopProcessTree(child.pid);
      await new Promise((done) => logStream.end(done));
      if (ownsStateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };

  try {
    handle.url = await waitForListening(child, () => output, options.readyTimeoutMs ?? 60_000);
    await waitForHealthz(handle.url, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await handle.stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n--- code-server output ---\n${output.slice(-4000)}`);
  }
  return handle;
}

function waitForListening(child, getOutput, timeoutMs) {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => finish(new Error(`code-server did not start listening within ${timeoutMs} ms`)), timeoutMs);
    const check = () => {
      const match = /HTTP server listening on (http:\/\/[^\s]+)/.exec(getOutput());
      if (match?.[1]) finish(undefined, match[1].endsWith('/') ? match[1] : `${match[1]}/`);
    };
    const onExit = (code, signal) => finish(new Error(`code-server exited early (code ${code}, signal ${signal})`));
    function finish(error, url) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.stderr.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolveUrl(url);
    }
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function waitForHealthz(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL('healthz', baseUrl));
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval of a readiness probe, not a fixed wait
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms (${lastError})`);
}

/**
 * Runs an extension test suite (the `--extensionTestsPath` module @vscode/test-electron uses) inside
 * code-server's Node extension host. code-server's CLI rejects --extensionDevelopmentPath/--extensionTestsPath,
 * but VS Code's web workbench takes both from the URL's `payload` parameter, as remote URIs; the workbench then
 * reports the suite's end through `window.codeAutomationExit(code)`, which Chromium exposes here.
 * Resolves with the exit code (0 = suite passed) and the extension host's console output.
 *
 * @param {{ workspace: string, extensionDevelopmentPath: string, extensionTestsPath: string,
 *   timeoutMs?: number, onLog?: (line: string) => void, stateDir?: string }} options
 */
export async function runExtensionTests(options) {
  const { chromium } = await import('playwright-core');
  const server = await startCodeServer({
    workspace: options.workspace,
    extensions: [],
    ...(options.stateDir ? { stateDir: options.stateDir } : {}),
  });
  let browser;
  const lines = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const remote = (path) => `vscode-remote://${new URL(server.url).host}${resolve(path)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ];
    const exit = new Promise((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    });
    // The workbench forwards the extension host's console (mocha's reporter) to this hook.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatConsoleArgs(Array.isArray(args) ? args : [args]);
      if (/vsda|Failed to load resource/.test(line)) return;
      lines.push(type === 'error' ? `[error] ${line}` : line);
      options.onLog?.(line);
    });
    const url = `${server.folderUrl()}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeoutMs = options.timeoutMs ?? 240_000;
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const exitCode = await Promise.race([exit, timeout]);
      return { exitCode, output: lines.join('\n') };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** Forwarded console calls keep printf-style patterns (mocha's '%s', '%d') and CSS '%c': fold them into text. */
export function formatConsoleArgs(args) {
  const text = (arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg));
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(text).join(' ');
  const formatted = first.replace(/%[sdifoOc%]/g, (token) => {
    if (token === '%%') return '%';
    if (rest.length === 0) return token;
    const value = rest.shift();
    return token === '%c' ? '' : text(value);
  });
  return [formatted, ...rest.map(text)].join(' ');
}

/** Pids of every live descendant of `pid` (read from /proc, so processes that left the group are found too). */
export function descendantPids(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const result = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; it is gone for our purposes.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Stops `pid`, its process group and every descendant: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcessTree(pid, graceMs = 5000) {
  if (pid === undefined) return;
  const targets = [pid, ...descendantPids(pid)];
  const signalAll = (signal) => {
    try {
      process.kill(-pid, signal); // the group created by spawn({ detached: true })
    } catch {
      // group already gone
    }
    for (const target of targets) {
      try {
        process.kill(target, signal);
      } catch {
        // already gone
      }
    }
  };
  signalAll('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && targets.some(isAlive)) await new Promise((r) => setTimeout(r, 100));
  if (targets.some(isAlive)) signalAll('SIGKILL');
}
