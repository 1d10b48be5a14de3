/**
 * What LSP feature handlers get from the server core: the connection, the open documents, the cached model
 * of a document's current version, its settings, and what the client can do. Handlers stay a few lines:
 * they fetch the model here and call a pure function from `features/`.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../shared/src/settings';
import type { DockerfileModel } from '../analysis/model';

export interface InitializationOptions {
  /** Set by the client when Microsoft's Container Tools / Docker extension or Docker DX is active. */
  readonly otherDockerServerActive?: boolean;
  /**
   * `stagelint.editorFeatures` as configured when the client started the server. Capabilities are fixed at
   * initialize, before settings can be pulled, so this decides which generic features are advertised.
   */
  readonly editorFeatures?: 'auto' | 'all' | 'stagesOnly';
  /**
   * Milliseconds to wait after a change before linting (push diagnostics); 150 by default. Benchmarks set 0 to
   * measure the lint itself; editors on slow machines may raise it. Ignored unless a number in 0…10000.
   */
  readonly diagnosticsDebounceMs?: number;
}

export interface ServerContext {
  /**
   * Every `on…` handler registered here is wrapped so an exception is logged and answered with `null`.
   * `onCodeAction`, `onExecuteCommand`, `onDidChangeConfiguration`, `onDidChangeWatchedFiles` and `onInitialized`
   * are shared with the server core: handlers added here run after the core's (code actions are appended,
   * the first non-null command result wins) instead of replacing them.
   */
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly clientCapabilities: ClientCapabilities;
  readonly initializationOptions: InitializationOptions;
  /** The model of the document's current version (cached), or undefined for an unknown document. */
  getModel(uri: string): DockerfileModel | undefined;
  getSettings(uri: string): Promise<Settings>;
}
