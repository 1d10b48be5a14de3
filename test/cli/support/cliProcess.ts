/**
 * Runs the bundled CLI (`node dist/cli.js`) as users do. `npm test` builds dist first (pretest); when the tests are
 * run alone (`npx vitest run test/cli`) and dist/cli.js is older than any source, it is rebuilt here with the same
 * esbuild options as scripts/build.mjs. The new bundle is written to a temporary name and renamed into place, so
 * test files building at the same time never run a half-written file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureCliBuilt(): Promise<void> {
  const sources = Math.max(newestSource(join(ROOT, 'server', 'src')), newestSource(join(ROOT, 'shared', 'src')));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'server', 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    write: false,
    outfile: CLI,
    logLevel: 'silent',
  });
  mkdirSync(dirname(CLI), { recursive: true });
  const tmp = `${CLI}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, result.outputFiles[0]!.contents);
  renameSync(tmp, CLI);
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js …args` in `cwd` (the repository root by default) without colour-forcing variables. */
export function runCliProcess(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
