/**
 * The client's commands. Only things that need VS Code itself: restarting the server, showing its output,
 * running `docker build` in a terminal when the user clicks a code lens (the server never runs anything),
 * and jumping to a range from a link in a hover. "Fix all" asks the server for the edit.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, SERVER_COMMANDS, type BuildStageArgs, type RevealRangeArgs } from '../../shared/src/protocol';

interface CommandDeps {
  readonly client: () => LanguageClient | undefined;
  readonly restart: () => Promise<void>;
  readonly output: vscode.OutputChannel;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register(COMMANDS.restartServer, async () => {
    deps.output.appendLine('Restarting the stagelint server…');
    await deps.restart();
  });

  register(COMMANDS.showOutput, () => deps.output.show(true));

  register(COMMANDS.fixAll, async () => {
    const editor = vscode.window.activeTextEditor;
    const client = deps.client();
    if (!editor || editor.document.languageId !== 'dockerfile' || !client) {
      void vscode.window.showInformationMessage('Open a Dockerfile to fix its problems.');
      return;
    }
    const { uri, version } = editor.document;
    await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.applyAllFixes, arguments: [{ uri: uri.toString(), version }] });
  });

  register(COMMANDS.buildStage, async (arg?: unknown) => {
    const target = buildTarget(arg);
    if (!target) return;
    const file = vscode.Uri.parse(target.uri);
    const folder = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? path.dirname(file.fsPath);
    const command = ['docker', 'build', ...(target.stage ? ['--target', target.stage] : []), '-f', file.fsPath, folder].map(shellQuote).join(' ');
    const terminal = vscode.window.createTerminal({ name: `docker build ${target.stage ?? path.basename(file.fsPath)}`, cwd: folder });
    terminal.show();
    terminal.sendText(command);
  });

  register(COMMANDS.revealRange, async (uriArg?: unknown, rangeArg?: unknown) => {
    if (typeof uriArg !== 'string') return;
    const range = toRange(rangeArg);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uriArg), range ? { selection: range } : {});
    if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

function buildTarget(arg: unknown): Pick<BuildStageArgs, 'uri' | 'stage'> | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as BuildStageArgs).uri === 'string') {
    const stage = (arg as BuildStageArgs).stage;
    return { uri: (arg as BuildStageArgs).uri, stage: typeof stage === 'string' && stage ? stage : null };
  }
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'dockerfile' ? { uri: editor.document.uri.toString(), stage: null } : undefined;
}

/** An LSP range, or a bare line number. */
function toRange(arg: unknown): vscode.Range | undefined {
  if (typeof arg === 'number') return new vscode.Range(arg, 0, arg, 0);
  const r = arg as Partial<RevealRangeArgs[1]> | undefined;
  if (!r || typeof r.start?.line !== 'number' || typeof r.end?.line !== 'number') return undefined;
  return new vscode.Range(r.start.line, r.start.character ?? 0, r.end.line, r.end.character ?? 0);
}

/** Quotes for POSIX shells and PowerShell alike when needed (paths with spaces are common on Windows and macOS). */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}
