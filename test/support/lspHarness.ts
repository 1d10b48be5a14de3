/**
 * In-process LSP harness: a vscode-jsonrpc client talks to the real server wiring (`createServer`) over
 * in-memory streams, so LSP tests run in milliseconds without a child process. The client answers
 * `workspace/configuration` from `settings` (optionally held back by `holdConfiguration()`), records
 * published diagnostics, log messages, applied edits and refresh requests, and awaits notifications with a
 * deadline instead of sleeping.
 */
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  createConnection, ProposedFeatures, type ClientCapabilities, type InitializeResult, type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createServer, type ServerHandle, type ServerOptions } from '../../server/src/lsp/server';

export interface HarnessOptions extends ServerOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic) like VS Code does. */
  readonly pull?: boolean;
  /** Replace the default (VS Code-like) client capabilities. */
  readonly capabilities?: ClientCapabilities;
  /** The `stagelint` settings section returned for `workspace/configuration`. */
  readonly settings?: unknown;
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: unknown;
}

export function vscodeLikeCapabilities(pull: boolean): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: true },
      publishDiagnostics: {
        relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      codeAction: {
        dynamicRegistration: true, isPreferredSupport: true, dataSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      applyEdit: true,
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      executeCommand: { dynamicRegistration: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

type Listener = () => void;

export class LspHarness {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly configurationRequests: unknown[] = [];
  refreshRequests = 0;
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly texts = new Map<string, TextDocument>();
  private readonly listeners = new Set<Listener>();
  private gate: Promise<void> | undefined;

  private constructor(
    readonly client: MessageConnection, readonly server: ServerHandle, private readonly serverDispose: () => void, settings: unknown,
    private readonly toServer: PassThrough,
  ) {
    this.settings = settings;
  }

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = createServer(serverConnection, options);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const h = new LspHarness(client, server, () => serverConnection.dispose(), options.settings ?? {}, toServer);
    h.wire();
    client.listen();
    const folders = options.workspaceFolders ?? [];
    h.initializeResult = await client.sendRequest('initialize', {
      processId: null,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: f })),
      capabilities: options.capabilities ?? vscodeLikeCapabilities(options.pull === true),
      initializationOptions: options.initializationOptions ?? {},
    });
    await client.sendNotification('initialized', {});
    return h;
  }

  private wire(): void {
    const c = this.client;
    c.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(params);
      this.wakeWaiters();
      if (this.gate) await this.gate;
      return params.items.map(() => this.settings);
    });
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/workspaceFolders', () => []);
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wakeWaiters();
      return null;
    });
    c.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params.edit);
      this.wakeWaiters();
      return { applied: true };
    });
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wakeWaiters();
    });
    c.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wakeWaiters();
    });
  }

  /** Re-checks every pending `waitFor` after a message from the server. */
  private wakeWaiters(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `check` returns a value (checked now and after every message), or rejects at the deadline. */
  waitFor<T>(what: string, check: () => T | undefined, deadlineMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        const value = check();
        if (value === undefined) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what}`));
      }, deadlineMs);
      this.listeners.add(listener);
      listener();
    });
  }

  /** The latest diagnostics published for `uri` once they satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, deadlineMs = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const latest = this.published.filter((p) => p.uri === uri).pop();
      return latest && predicate(latest) ? latest : undefined;
    }, deadlineMs);
  }

  /** Diagnostics of the current version (push): waits for a publish carrying the document's version. */
  currentDiagnostics(uri: string, deadlineMs?: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === this.version(uri), deadlineMs).then((p) => p.diagnostics);
  }

  /** Holds every `workspace/configuration` answer until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.gate = new Promise((r) => (release = r));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest(method, params) as Promise<R>;
  }

  sendNotification(method: string, params: unknown): Promise<void> {
    return this.client.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (as one incremental change) or applies the given edits; returns the new version. */
  async change(uri: string, change: string | readonly TextEdit[]): Promise<number> {
    const doc = this.document(uri);
    const edits: TextEdit[] = typeof change === 'string'
      ? [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: change }]
      : [...change];
    const version = doc.version + 1;
    // Incremental sync: each change applies to the result of the previous one, so send them last-first
    // (ties reversed too, so inserts at one offset keep their order).
    const ordered = [...edits].reverse().sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const next = TextDocument.create(uri, doc.languageId, version, TextDocument.applyEdits(doc, edits));
    this.texts.set(uri, next);
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /**
   * Replaces the whole text several times, sending every didChange in one write, as an editor does when the user
   * types faster than the server answers: the server has received all of them before it handles the first.
   * Returns the final version. (Written past the client's own writer: call it after the previous message was sent.)
   */
  changeBurst(uri: string, texts: readonly string[]): number {
    const notifications = texts.map((text) => {
      const doc = this.document(uri);
      const version = doc.version + 1;
      const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
      this.texts.set(uri, TextDocument.create(uri, doc.languageId, version, text));
      return { method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range, text }] } };
    });
    this.sendNow(notifications);
    return this.version(uri);
  }

  /** Writes notifications to the server at once, in one write (past the client's writer, like `changeBurst`). */
  sendNow(notifications: readonly { method: string; params: unknown }[]): void {
    let chunk = '';
    for (const { method, params } of notifications) {
      const body = JSON.stringify({ jsonrpc: '2.0', method, params });
      chunk += `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    }
    this.toServer.write(chunk);
  }

  async save(uri: string): Promise<void> {
    await this.client.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): Promise<CodeAction[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  /** Applies a code action's edit to the harness's copy of the document (the client side) and sends the change. */
  async apply(edit: WorkspaceEdit | undefined): Promise<void> {
    if (!edit) throw new Error('code action has no edit');
    for (const [uri, edits] of Object.entries(textEditsOf(edit))) {
      if (this.texts.has(uri)) await this.change(uri, edits);
    }
  }

  async dispose(): Promise<void> {
    this.server.dispose();
    this.client.dispose();
    this.serverDispose();
  }

  private document(uri: string): TextDocument {
    const doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }
}

/** Text edits per uri of a WorkspaceEdit (`changes` or `documentChanges`; file creations are skipped). */
function textEditsOf(edit: WorkspaceEdit): Record<string, TextEdit[]> {
  const result: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) (result[uri] ??= []).push(...edits);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) (result[change.textDocument.uri] ??= []).push(...(change as TextDocumentEdit).edits.filter((e): e is TextEdit => 'range' in e));
  }
  return result;
}
