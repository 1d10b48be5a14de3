/**
 * The server core: wires documents, settings, config files, linting, diagnostics and code actions onto a
 * connection, then hands a `ServerContext` to the editor features. Transport-agnostic: `main.ts` passes a
 * connection over IPC or stdio, tests pass one over in-memory streams.
 */
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, TextDocuments,
  type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../analysis/cache';
import type { AnyRule } from '../engine/defineRule';
import { allRules } from '../rules';
import { coreCapabilities, mergeCapabilities, readClientSupport, type ClientSupport } from './capabilities';
import { ConfigFiles, uriToPath, type LoadedConfig } from './configFiles';
import { ContextFacts } from './contextFacts';
import { Diagnostics } from './diagnostics';
import { DocumentLinter, MAX_ANALYSED_LENGTH } from './documentLinter';
import { editorCapabilities, registerEditorFeatures } from './editorFeatures';
import { featureConnection, SharedHandlers } from './featureConnection';
import { guard, type Logger } from './guard';
import { provideCodeActions } from './handlers/codeAction';
import { executeServerCommand, isServerCommand } from './handlers/executeCommand';
import { handleWatchedFiles } from './handlers/watchedFiles';
import type { InitializationOptions, ServerContext } from './serverContext';
import { SettingsStore } from './settings';
import { exposedCollector, IdleCollection, type Collect } from './idleCollection';

export interface ServerOptions {
  /** The rule set (tests inject rules); the full registry by default. */
  readonly rules?: readonly AnyRule[];
  /** Push-diagnostics debounce per document. */
  readonly debounceMs?: number;
  /** Milliseconds of rules a push-diagnostics lint runs before other messages get a turn; 10 by default. */
  readonly lintSliceMs?: number;
  /** The full collection run once the server is idle after linting (`idleCollection.ts`); `gc` when exposed. */
  readonly idleCollect?: Collect;
  /** Idle time after the last lint before that collection; 5 s by default. */
  readonly idleCollectionDelayMs?: number;
  /** The editor features to plug in (tests substitute their own); `editorFeatures.ts` by default. */
  readonly editorFeatures?: {
    readonly capabilities: typeof editorCapabilities;
    readonly register: typeof registerEditorFeatures;
  };
}

/** Handles for tests and the entry point. */
export interface ServerHandle {
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: ModelCache;
  /**
   * How many entries each per-document map of the server holds (documents, models, snapshots, settings, runs).
   * Every one must be 0 once all documents are closed: closed documents keep nothing (test/lsp/closedDocuments).
   */
  documentEntries(): Record<string, number>;
  /** Stops pending diagnostics runs (the connection itself belongs to the caller). */
  dispose(): void;
}

export function createServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const rules = options.rules ?? allRules;
  const idle = new IdleCollection(options.idleCollect ?? exposedCollector(), options.idleCollectionDelayMs);
  const documents = new TextDocuments(TextDocument);
  // Models of the 10 most recently used documents; the others keep only their problems and rebuild on demand
  // (a few ms). Every edit builds a new model anyway; the cache serves the visible editors' hover, lenses,
  // hints and code actions. A model takes ~110 KB: 50 of them were 5.5 MB of the 24 MB that 500 open files held.
  const cache = new ModelCache(10);
  const shared = new SharedHandlers();
  let disposed = false;
  const log: Logger = (message) => {
    // Logging must never throw, also not on a connection that is already closed.
    if (!disposed) void Promise.resolve().then(() => connection.console.error(message)).catch(() => undefined);
  };
  const publishedConfigs = new Map<string, { uri: string; key: string }>();

  // Set in onInitialize; every handler below runs after it.
  let support!: ClientSupport;
  let settings!: SettingsStore;
  let configs!: ConfigFiles;
  let facts!: ContextFacts;
  let linter!: DocumentLinter;
  let diagnostics!: Diagnostics;

  const publish = (uri: string, items: Diagnostic[]) => {
    connection.sendDiagnostics({ uri, diagnostics: items }).catch((e) => log(`[diagnostics] cannot publish for ${uri}: ${String(e)}`));
  };
  const publishConfig = (config: LoadedConfig) => {
    const key = JSON.stringify(config.diagnostics);
    const previous = publishedConfigs.get(config.path);
    if (previous?.key === key || (!previous && config.diagnostics.length === 0)) return;
    publishedConfigs.set(config.path, { uri: config.uri, key });
    publish(config.uri, [...config.diagnostics]);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = readClientSupport(params.capabilities);
    const initializationOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = new SettingsStore(connection, support.configuration, log);
    // Without file-change events a cached lookup could never be invalidated: read the disk each time instead.
    configs = new ConfigFiles(rules, support.watchedFiles);
    facts = new ContextFacts(support.watchedFiles);
    configs.setWorkspaceFolders(workspaceFolderPaths(params));
    linter = new DocumentLinter({
      documents, cache, settings, configs, facts, rules, onConfigLoaded: publishConfig,
      onTooLarge: (uri, length) => log(`[diagnostics] ${uri} is not analysed: ${(length / 2 ** 20).toFixed(1)} MB is more than the ${MAX_ANALYSED_LENGTH / 2 ** 20} MB stagelint analyses`),
    });
    diagnostics = new Diagnostics({
      connection, documents, linter, log,
      support: support.diagnostics,
      pull: support.pullDiagnostics,
      refreshSupported: support.diagnosticRefresh,
      debounceMs: options.debounceMs ?? debounceOption(initializationOptions.diagnosticsDebounceMs) ?? 150,
      lintSliceMs: options.lintSliceMs ?? 10,
      onLinted: () => idle.workDone(),
    });

    const context: ServerContext = {
      connection: featureConnection(connection, shared, log),
      documents,
      clientCapabilities: params.capabilities,
      initializationOptions,
      getModel: (uri) => linter.model(uri),
      getSettings: (uri) => settings.get(uri),
    };
    let extra = {};
    try {
      const features = options.editorFeatures ?? { capabilities: editorCapabilities, register: registerEditorFeatures };
      extra = features.capabilities({ clientCapabilities: params.capabilities, initializationOptions });
      features.register(context);
    } catch (e) {
      log(`[editor features] failed to start: ${(e as Error).stack ?? String(e)}`);
    }
    return { capabilities: mergeCapabilities(coreCapabilities(support), extra), serverInfo: { name: 'stagelint' } };
  });

  connection.onInitialized(guard(log, 'initialized', undefined, async () => {
    if (support.dynamicConfigurationChange) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'stagelint' });
    if (support.dynamicWatchedFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.stagelint.json' }, { globPattern: '**/{.dockerignore,*.dockerignore}' }],
      });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guard(log, 'workspaceFolders', undefined, async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        configs.setWorkspaceFolders(folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p));
        linter.invalidate();
        diagnostics.refreshAll();
      }));
    }
    for (const listener of shared.initialized) await listener();
  }));

  connection.onDidChangeConfiguration(guard(log, 'didChangeConfiguration', undefined, async (params) => {
    settings.changed(params);
    linter.invalidate();
    diagnostics.refreshAll();
    for (const listener of shared.didChangeConfiguration) await listener(params);
  }));

  connection.onDidChangeWatchedFiles(guard(log, 'didChangeWatchedFiles', undefined, async (params) => {
    handleWatchedFiles(params, {
      configChanged: () => configs.invalidate(),
      configDeleted: (uri) => {
        const path = uriToPath(uri);
        const published = path ? publishedConfigs.get(path) : undefined;
        if (!path || !published) return;
        publishedConfigs.delete(path);
        publish(published.uri, []);
      },
      contextChanged: () => facts.invalidate(),
      refresh: () => {
        linter.invalidate();
        diagnostics.refreshAll();
      },
    });
    for (const listener of shared.didChangeWatchedFiles) await listener(params);
  }));

  const opened = new Set<string>();
  documents.onDidChangeContent(guard(log, 'didChangeContent', undefined, async ({ document }) => {
    if (!opened.has(document.uri)) {
      opened.add(document.uri);
      diagnostics.opened(document.uri);
    } else await diagnostics.changed(document.uri);
  }));
  documents.onDidSave(guard(log, 'didSave', undefined, ({ document }) => diagnostics.saved(document.uri)));
  documents.onDidClose(guard(log, 'didClose', undefined, ({ document }) => {
    opened.delete(document.uri);
    linter.forget(document.uri);
    settings.delete(document.uri);
    diagnostics.closed(document.uri);
    // What the document held is garbage now: give it back once the editor is idle.
    idle.workDone();
  }));

  connection.languages.diagnostics.on(guard(log, 'textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: await diagnostics.pull(params.textDocument.uri),
  })));

  connection.onCodeAction(guard(log, 'codeAction', null, async (params, token, progress, resultProgress) => {
    const actions = await provideCodeActions(params, { linter, edits: support.edits, rules });
    for (const provider of shared.codeAction) {
      const more = await provider(params, token, progress, resultProgress);
      if (Array.isArray(more)) actions.push(...more);
    }
    return actions;
  }));

  connection.onExecuteCommand(guard(log, 'executeCommand', null, async (params, token, progress) => {
    if (isServerCommand(params.command)) return executeServerCommand(params, { connection, linter, edits: support.edits });
    for (const handler of shared.executeCommand) {
      const result = await handler(params, token, progress);
      if (result !== undefined && result !== null) return result;
    }
    return null;
  }));

  documents.listen(connection);
  connection.listen();
  return {
    documents,
    cache,
    documentEntries: () => ({
      documents: documents.keys().length,
      opened: opened.size,
      ...linter?.documentEntries(),
      ...settings?.documentEntries(),
      ...diagnostics?.documentEntries(),
    }),
    dispose: () => {
      disposed = true;
      idle.dispose();
      diagnostics?.dispose();
    },
  };
}

function debounceOption(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? value : undefined;
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => !!p);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}
