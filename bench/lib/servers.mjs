// The two servers the benchmark drives: stagelint's server.js (the production build, lib/bundles.mjs) and the peer Dockerfile language server
// (rcjsuen's dockerfile-language-server-nodejs, what most editors other than VS Code run), both over --stdio.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundle } from './bundles.mjs';
import { repoRoot } from './corpus.mjs';
import { LspClient } from './lspClient.mjs';

const require = createRequire(import.meta.url);

/** The Node/V8 flags the VS Code client starts stagelint's server with (one shared file; why: its description). */
export const STAGELINT_EXEC_ARGV = JSON.parse(readFileSync(join(repoRoot, 'client', 'src', 'serverProcess.json'), 'utf8')).execArgv;

export const SERVERS = {
  stagelint: {
    label: 'stagelint',
    command: bundle('server.js'),
    args: ['--stdio'],
    // Started as the client starts it (client/src/extension.ts), with the same flags.
    nodeOptions: STAGELINT_EXEC_ARGV,
    // The debounce is set to 0 so latency is the lint's own time (the peer does not debounce).
    initializationOptions: { diagnosticsDebounceMs: 0 },
    /** stagelint publishes with the document version: wait for the one just sent. */
    accepts: (version) => (latest) => latest.params.version === version,
  },
  rcjsuen: {
    label: 'dockerfile-language-server-nodejs',
    command: join(dirname(require.resolve('dockerfile-language-server-nodejs/package.json')), 'lib', 'server.js'),
    args: ['--stdio'],
    initializationOptions: {},
    /** The peer publishes without a version: any publish after the change (edits are sent one at a time). */
    accepts: (_version, after) => (latest) => latest.at >= after,
  },
};

export function startServer(name, { nodeOptions = [] } = {}) {
  const spec = SERVERS[name];
  return new LspClient({ ...spec, nodeOptions: [...(spec.nodeOptions ?? []), ...nodeOptions] });
}

export function peerVersion() {
  return require('dockerfile-language-server-nodejs/package.json').version;
}
