// The vscode-API suite (vscode/suite/, the one @vscode/test-electron runs in desktop VS Code) run inside
// code-server's Node extension host, so CI checks it too although no desktop VS Code can be had here.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('vscode/run.mjs', import.meta.url));

function runSuite(): Promise<{ code: number | null; output: string }> {
  const extension = process.env.STAGELINT_E2E_EXTENSION;
  const args = [runner, ...(extension ? ['--extension', extension] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('stagelint through the vscode API', () => {
  it('passes the mocha suite inside code-server\'s extension host', async () => {
    const { code, output } = await runSuite();
    if (code !== 0) {
      // The full extension-host console (mocha's report, stack traces) as a test artifact.
      const dir = fileURLToPath(new URL('../../test-results/e2e/extension-host', import.meta.url));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'output.log'), output);
    }
    const summary = /mocha in the extension host: (\d+) passing, (\d+) failing/.exec(output);
    expect(summary, `no mocha summary; output:\n${output.slice(-6000)}`).not.toBeNull();
    expect({ failing: Number(summary?.[2]), exitCode: code }, output.slice(-6000)).toEqual({ failing: 0, exitCode: 0 });
    expect(Number(summary?.[1])).toBeGreaterThan(0);
  }, 300_000);
});
