#!/usr/bin/env node
// Runs the extension-host suite (suite/*.test.ts, vscode API + mocha):
//   default           inside code-server's extension host, driven through Chromium (works offline; CI uses it)
//   --electron        in desktop VS Code through @vscode/test-electron (also chosen when VSCODE_EXECUTABLE is set)
// Options: --extension PATH loads another extension folder (default: this repository, which must be built).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSuite } from './build.mjs';
import { REPO_ROOT, runExtensionTests } from '../../../scripts/codeServer.mjs';
import { ensureCodeServer } from '../../../scripts/install-code-server.mjs';

const argv = process.argv.slice(2);
const extensionIndex = argv.indexOf('--extension');
const extension = extensionIndex >= 0 ? resolve(argv[extensionIndex + 1]) : REPO_ROOT;
const { testsPath, runTestPath } = await buildSuite();

if (argv.includes('--electron') || process.env.VSCODE_EXECUTABLE) {
  if (extension !== REPO_ROOT) console.warn('--extension is ignored by the @vscode/test-electron route');
  const result = spawnSync(process.execPath, [runTestPath], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

ensureCodeServer();
const workspace = mkdtempSync(join(tmpdir(), 'stagelint-exthost-workspace-'));
cpSync(join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  const { exitCode } = await runExtensionTests({
    workspace,
    extensionDevelopmentPath: extension,
    extensionTestsPath: testsPath,
    onLog: (line) => console.log(line),
  });
  console.log(exitCode === 0 ? 'extension-host suite passed' : `extension-host suite failed (exit code ${exitCode})`);
  process.exitCode = exitCode === 0 ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
