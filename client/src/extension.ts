/**
 * The VS Code side of stagelint, kept thin: it starts the language server (`dist/server.js`) over IPC for
 * Dockerfiles, forwards changes of `.stagelint.json` and `.dockerignore` files, and registers a few commands.
 * Everything that understands Dockerfiles lives in the server, so other editors get the same behaviour.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS } from '../../shared/src/protocol';
import type { EditorFeatures } from '../../shared/src/settings';
import { registerCommands } from './commands';
import { registerStageGraph } from './stageGraphView';

/** Extensions that run their own Dockerfile language server; the server then leaves generic features to them. */
const OTHER_DOCKER_EXTENSIONS = ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker', 'docker.docker'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('stagelint');
  context.subscriptions.push(output);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.stagelint.json'),
    vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}'),
  ];
  context.subscriptions.push(...watchers);
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
  };

  client = new LanguageClient('stagelint', 'stagelint', serverOptions, clientOptions);
  registerCommands(context, { client: () => client, output });
  registerStageGraph(context, () => client);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Which generic features the server announces is decided at start-up; offer the restart that applies it.
      if (!e.affectsConfiguration('stagelint.editorFeatures')) return;
      void vscode.window.showInformationMessage('Restart the stagelint server to apply stagelint.editorFeatures.', 'Restart').then((choice) => {
        if (choice) void vscode.commands.executeCommand('stagelint.restartServer');
      });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
