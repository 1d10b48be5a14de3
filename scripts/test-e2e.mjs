#!/usr/bin/env node
// `npm run test:e2e`: the real-editor suite. Installs code-server and Chromium if needed (cached), builds the
// extension, then runs test/e2e/*.e2e.mts with vitest against code-server in headless Chromium.
//
// Environment:
//   STAGELINT_E2E_EXTENSION=/path  load another extension folder instead of this repository (no build then)
//   STAGELINT_E2E_JSON=file        also write vitest's JSON report there (scripts/test.mjs counts it)
// Extra arguments go to vitest (e.g. `npm run test:e2e -- -t hover`).
import { spawnSync } from 'node:child_process';
import { ensureCodeServer } from './install-code-server.mjs';
import { REPO_ROOT } from './codeServer.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

try {
  ensureCodeServer();
} catch (error) {
  console.error(`test:e2e: cannot install code-server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

if (!process.env.STAGELINT_E2E_EXTENSION && run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('test:e2e: `npm run build` failed');
  process.exit(1);
}

const reporters = ['--reporter=default'];
if (process.env.STAGELINT_E2E_JSON) {
  reporters.push('--reporter=json', `--outputFile.json=${process.env.STAGELINT_E2E_JSON}`);
}
// `npm run test:e2e -- <filters>` and `node scripts/test-e2e.mjs -- <filters>` both pass filters to vitest.
const extraArgs = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const started = Date.now();
const status = run('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.mts', ...reporters, ...extraArgs]);
console.log(`test:e2e: finished in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);
