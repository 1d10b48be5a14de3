/**
 * The built server (`dist/server.js`, from `npm run build`) as editors start it: a child process speaking
 * LSP over stdio (Neovim, Helix, Emacs) or over Node IPC (VS Code).
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';

const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');
let child: ChildProcess | undefined;
let connection: MessageConnection | undefined;

afterEach(() => {
  connection?.dispose();
  if (child && child.exitCode === null) child.kill();
  child = connection = undefined;
});

async function lintOverLsp(conn: MessageConnection): Promise<PublishDiagnosticsParams> {
  const uri = 'file:///tmp/stagelint-transport/Dockerfile';
  const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics within 10 s')), 10_000);
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri !== uri || p.diagnostics.length === 0) return;
      clearTimeout(timer);
      resolve(p);
    });
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.listen();
  const init = await conn.sendRequest<{ capabilities: { textDocumentSync: unknown }; serverInfo: { name: string } }>('initialize', {
    processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } },
  });
  expect(init.serverInfo.name).toBe('stagelint');
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.19 AS build\nFROM alpine:3.19 AS BUILD\n' },
  });
  return published;
}

async function shutdown(conn: MessageConnection, proc: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  return exited;
}

describe('dist/server.js', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(serverPath), `${serverPath} is missing`).toBe(true);
  });

  it('speaks LSP over --stdio', async () => {
    child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = await lintOverLsp(connection);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['no-duplicate-stage-name', 1]);
    expect(await shutdown(connection, child)).toBe(0);
  });

  it('speaks LSP over --node-ipc', async () => {
    child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = await lintOverLsp(connection);
    expect(published.diagnostics.map((d) => d.code)).toContain('no-duplicate-stage-name');
    expect(await shutdown(connection, child)).toBe(0);
  });
});
