#!/usr/bin/env node
// Opens a Dockerfile in headless Neovim whose built-in LSP client runs the stagelint server over stdio, and
// prints the diagnostics Neovim received as JSON. Shows the server works outside VS Code, as any language server.
//
// Usage: node test/e2e/neovim/run.mjs [Dockerfile] [--server PATH] [--out FILE]
//   Dockerfile  default: the typo fixture; copied to a temporary folder first
//   --server    server script, default dist/server.js (started as `node <server> --stdio`)
// Exit status: 0 with diagnostics, 1 when none arrived in time, 2 when the server could not run.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');

/** Runs Neovim on `dockerfile` with `server`; resolves with {status, result} (result: the JSON written). */
export async function neovimDiagnostics({ dockerfile, server, timeoutMs = 20_000 }) {
  if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error('nvim not found: install Neovim (Debian: apt-get install -y neovim)');
  }
  if (!existsSync(server)) throw new Error(`${server} does not exist: build first (npm run build)`);
  const dir = mkdtempSync(join(tmpdir(), 'stagelint-nvim-'));
  const file = join(dir, basename(dockerfile));
  copyFileSync(dockerfile, file);
  const out = join(dir, 'diagnostics.json');
  try {
    const status = await new Promise((resolveStatus, reject) => {
      const child = spawn('nvim', ['--headless', '-i', 'NONE', '-u', join(here, 'init.lua'), file], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          STAGELINT_LSP_CMD: JSON.stringify([process.execPath, server, '--stdio']),
          STAGELINT_NVIM_OUT: out,
          STAGELINT_NVIM_TIMEOUT_MS: String(timeoutMs),
          XDG_CONFIG_HOME: join(dir, 'config'), // no user configuration or plugins
          XDG_DATA_HOME: join(dir, 'data'),
          XDG_STATE_HOME: join(dir, 'state'),
        },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // Neovim ends itself (init.lua has its own deadline); this one only guards against a hung Neovim.
      const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 10_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(guard);
        if (!existsSync(out)) reject(new Error(`Neovim exited (${code}) without writing diagnostics. ${stderr}`));
        else resolveStatus(code);
      });
    });
    return { status, result: JSON.parse(readFileSync(out, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const dockerfile = resolve(positional[0] ?? join(here, '..', 'fixtures', 'workspace', 'typo', 'Dockerfile'));
  const server = resolve(option('--server') ?? join(repoRoot, 'dist', 'server.js'));
  try {
    const { status, result } = await neovimDiagnostics({ dockerfile, server });
    const json = JSON.stringify(result, null, 2);
    if (option('--out')) (await import('node:fs')).writeFileSync(option('--out'), json + '\n');
    console.log(json);
    process.exit(status);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
