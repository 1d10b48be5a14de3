/** The bundled CLI writing into a pipe whose reader goes away early, as `stagelint … | head` does. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { CLI, ensureCliBuilt } from './support/cliProcess';

beforeAll(ensureCliBuilt, 120_000);

it('exits with the lint result and no crash when the reader closes the pipe after the first chunk', async () => {
  // A report far larger than a pipe's buffer (64 KB), so the CLI is still writing when the reader leaves.
  const dir = mkdtempSync(join(tmpdir(), 'stagelint-pipe-'));
  const lines = ['FROM debian:12'];
  for (let i = 0; i < 3000; i++) lines.push(`RUN apt-get install -y tool${i}`);
  writeFileSync(join(dir, 'Dockerfile'), lines.join('\n') + '\n');
  const child = spawn(process.execPath, [CLI, join(dir, 'Dockerfile'), '-f', 'sarif'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let received = 0;
  child.stdout.once('data', (chunk: Buffer) => {
    received = chunk.length;
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(received).toBeGreaterThan(0);
  expect(stderr).toBe('');
  // Warnings at the default failure threshold (error): the lint's own exit code.
  expect(code).toBe(0);
}, 60_000);
