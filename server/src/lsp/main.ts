/**
 * Entry point of `dist/server.js`. The transport comes from the command line, as editors start it:
 * VS Code forks it with `--node-ipc`; Neovim, Helix and Emacs run `node dist/server.js --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { applyHeapTuning } from './heapTuning';
import { createServer } from './server';

applyHeapTuning();
const connection = createConnection(ProposedFeatures.all);
// Last line of defence: a stray exception outside any handler is logged, and the server keeps serving.
process.on('uncaughtException', (e) => connection.console.error(`[uncaught] ${describeError(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`[unhandled rejection] ${describeError(e)}`));
createServer(connection);
