// Runs the extension-host suite in desktop VS Code through @vscode/test-electron. It downloads VS Code unless
// VSCODE_EXECUTABLE points at an installed one (this machine cannot download it: there, CI runs the same
// suite inside code-server's extension host, see run.mjs).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'stagelint-vscode-workspace-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'stagelint-vscode-user-'));
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the built-in Docker language stays
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
