// A minimal LSP client over stdio for benchmarks: starts a server process, answers the requests a server sends
// to its client (configuration, registrations), and lets the caller await publishDiagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

/** VS Code-like capabilities with push diagnostics (the peer server has no pull diagnostics). */
export const CLIENT_CAPABILITIES = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true, dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
};

export class LspClient {
  /** @param {{ command: string, args: string[], label: string, nodeOptions?: string[] }} spec */
  constructor(spec) {
    this.label = spec.label;
    this.startedAt = performance.now();
    this.child = spawn(process.execPath, [...(spec.nodeOptions ?? []), spec.command, ...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.stderrWaiters = [];
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
      for (const w of [...this.stderrWaiters]) w();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    /** Last publishDiagnostics per uri, with the time it arrived. */
    this.latest = new Map();
    this.publishes = 0;
    this.waiters = new Set();
    const c = this.connection;
    c.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'stagelint' ? {} : null)));
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/workspaceFolders', () => []);
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('workspace/semanticTokens/refresh', () => null);
    c.onRequest('workspace/inlayHint/refresh', () => null);
    c.onRequest('workspace/codeLens/refresh', () => null);
    c.onNotification('window/logMessage', () => undefined);
    c.onNotification('textDocument/publishDiagnostics', (params) => {
      this.publishes++;
      this.latest.set(params.uri, { params, at: performance.now() });
      for (const w of [...this.waiters]) w();
    });
    c.listen();
  }

  async initialize(initializationOptions = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
    });
    this.initializedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Resolves with the first publish for `uri` that satisfies `accept` (checked now and on each publish). */
  waitForDiagnostics(uri, accept, deadlineMs = 30_000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const latest = this.latest.get(uri);
        if (!latest || !accept(latest)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(latest);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${this.label}: no diagnostics for ${uri} within ${deadlineMs} ms`));
      }, deadlineMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves with the first stderr line starting with `prefix` after the call (heap reports from heapHook.cjs). */
  waitForStderrLine(prefix, deadlineMs = 30_000) {
    const from = this.stderr.length;
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.stderr.slice(from).split('\n').find((l) => l.startsWith(prefix));
        if (!line) return;
        this.stderrWaiters = this.stderrWaiters.filter((w) => w !== check);
        clearTimeout(timer);
        resolve(line.slice(prefix.length));
      };
      const timer = setTimeout(() => reject(new Error(`${this.label}: no '${prefix}' on stderr within ${deadlineMs} ms`)), deadlineMs);
      this.stderrWaiters.push(check);
    });
  }

  /** Resident set size of the server process now, from /proc (Linux), in bytes. */
  rss() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** Collects garbage in the server (it must run with --expose-gc and -r heapHook.cjs) and returns process.memoryUsage(). */
  async heapAfterGc() {
    const line = this.waitForStderrLine('@@heap ');
    this.child.kill('SIGUSR2');
    return JSON.parse(await line);
  }

  async shutdown() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    const exited = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(undefined), 2000))]);
    if (!exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
