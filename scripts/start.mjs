#!/usr/bin/env node
// `npm start`: the live demo. Installs code-server once (cached in .cache/code-server), builds the extension,
// and serves VS Code with stagelint on examples/ at a loopback URL until Ctrl+C.
//
// Options: --port N (default: a free port), --no-build, --folder PATH (default: examples/),
//          --extension PATH (load another extension folder instead of this repository; implies --no-build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';
import { REPO_ROOT, startCodeServer } from './codeServer.mjs';

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux') {
  fail(
    'the demo runs code-server installed from Debian packages and the npm registry, which this script only ' +
      'knows how to do on Linux (Debian/Ubuntu). Elsewhere, build with `npm run build` and open this folder in ' +
      'VS Code, then run "Developer: Install Extension from Location…" or press F5.',
  );
}

const folder = resolve(option('--folder') ?? resolve(REPO_ROOT, 'examples'));
if (!existsSync(folder)) fail(`${folder} does not exist`);

try {
  ensureCodeServer();
} catch (error) {
  fail(`could not install code-server: ${error instanceof Error ? error.message : error}`);
}

const extension = option('--extension') ? resolve(option('--extension')) : REPO_ROOT;
if (!process.argv.includes('--no-build') && extension === REPO_ROOT) {
  console.log('Building the extension (npm run build)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('`npm run build` failed; see above');
}

const port = option('--port');
console.log('Starting code-server…');
let server;
try {
  server = await startCodeServer({
    workspace: folder,
    extensions: [extension],
    ...(port ? { port: Number(port) } : {}),
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

console.log(`
  stagelint demo is running: VS Code with the freshly built extension, on ${folder}

      ${server.folderUrl()}

  Open it in a browser on this machine and open any Dockerfile. The examples' README.md says what each shows.
  code-server's log: ${server.logFile}
  Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server…');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// Stay in the foreground until Ctrl+C, or until code-server itself ends.
const { code, signal } = await server.exited;
if (!stopping) fail(`code-server stopped (exit code ${code}, signal ${signal}); see ${server.logFile}`);
