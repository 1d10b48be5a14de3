// The language server is a standard one: headless Neovim's built-in LSP client starts `dist/server.js --stdio`,
// opens the typo fixture and receives the same diagnostic VS Code shows.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quickFix } from './expectations.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..');

interface NeovimResult {
  uri: string;
  error?: string;
  editorCount?: number;
  diagnostics?: { code?: string | number; source?: string; range: { start: { line: number } } }[];
}

function runNeovim(dockerfile: string): Promise<{ code: number | null; result: NeovimResult; stderr: string }> {
  const extension = process.env.STAGELINT_E2E_EXTENSION ?? repoRoot;
  const args = [join(here, 'neovim', 'run.mjs'), dockerfile, '--server', join(extension, 'dist', 'server.js')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, result: JSON.parse(stdout) as NeovimResult, stderr });
      } catch {
        reject(new Error(`neovim/run.mjs printed no JSON (exit ${code}): ${stderr}${stdout}`));
      }
    });
  });
}

describe('stagelint in Neovim', () => {
  it('publishes the COPY --from typo diagnostic to the built-in LSP client', async () => {
    const { code, result, stderr } = await runNeovim(join(here, 'fixtures', 'workspace', quickFix.file));
    expect(result.error, stderr).toBeUndefined();
    expect(code).toBe(0);
    const match = result.diagnostics?.find((d) => String(d.code) === quickFix.code);
    expect(match, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(match?.source).toBe('stagelint');
    expect(match?.range.start.line).toBe(quickFix.line - 1);
    expect(result.editorCount).toBe(result.diagnostics?.length);
  });
});
