/**
 * The VS Code side of stagelint, kept thin: it starts the language server (`dist/server.js`) over IPC for
 * Dockerfiles, forwards changes of `.stagelint.json` and `.dockerignore` files, and registers a few commands.
 * Everything that understands Dockerfiles lives in the server, so other editors get the same behaviour.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { COMMANDS } from '../../shared/src/protocol';
import type { EditorFeatures } from '../../shared/src/settings';
import { registerCommands } from './commands';
import { registerStageGraph } from './stageGraphView';
import serverProcess from './serverProcess.json';

/** Extensions that run their own Dockerfile language server; the server then leaves generic features to them. */
const OTHER_DOCKER_EXTENSIONS = ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker', 'docker.docker'];
const MAX_CRASH_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('stagelint');
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.stagelint.json'),
    vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}'),
  ];
  context.subscriptions.push(output, ...watchers);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Memory flags (why: serverProcess.json); the benchmark starts the server with the same ones.
  const execArgv = serverProcess.execArgv;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  const crashes: number[] = [];

  // A restart always builds a new LanguageClient: vscode-languageclient 9.0.1 reuses disposed event emitters
  // when one instance restarts, and then stops pulling diagnostics for documents opened afterwards.
  const start = async (): Promise<void> => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'dockerfile', scheme: 'file' },
        { language: 'dockerfile', scheme: 'untitled' },
      ],
      synchronize: { fileEvents: watchers },
      outputChannel: output,
      // Hover cards link to related stages and to "build this stage" through these commands only.
      markdown: { isTrusted: { enabledCommands: [COMMANDS.revealRange, COMMANDS.buildStage] } },
      initializationOptions: {
        otherDockerServerActive: OTHER_DOCKER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id) !== undefined),
        // Capabilities are fixed at start-up, before the server can pull settings.
        editorFeatures: vscode.workspace.getConfiguration('stagelint').get<EditorFeatures>('editorFeatures', 'auto'),
      },
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: () => {
          const now = Date.now();
          while (crashes.length > 0 && now - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
          crashes.push(now);
          if (crashes.length > MAX_CRASH_RESTARTS) {
            return { action: CloseAction.DoNotRestart, message: 'The stagelint server crashed 5 times in 3 minutes and will not be restarted. See the stagelint output.' };
          }
          setTimeout(() => void restart(), 0);
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    client = new LanguageClient('stagelint', 'stagelint', serverOptions, clientOptions);
    await client.start();
  };
  const restart = async (): Promise<void> => {
    const previous = client;
    client = undefined;
    await previous?.dispose().catch((e: unknown) => output.appendLine(`Stopping the server failed: ${String(e)}`));
    await start();
  };

  registerCommands(context, { client: () => client, restart, output });
  registerStageGraph(context, () => client);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Which generic features the server announces is decided at start-up; offer the restart that applies it.
      if (!e.affectsConfiguration('stagelint.editorFeatures')) return;
      void vscode.window.showInformationMessage('Restart the stagelint server to apply stagelint.editorFeatures.', 'Restart').then((choice) => {
        if (choice) void restart();
      });
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
