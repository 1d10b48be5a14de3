/**
 * "stagelint: Show stage graph": a webview beside the editor that draws the active Dockerfile's stages (from the
 * server's `stagelint/stageGraph` request) and follows edits and editor switches. Clicking a stage reveals its
 * FROM line. The drawing code is the bundled `dist/stageGraphWebview.js`; the page allows only that script.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, STAGE_GRAPH_REQUEST, type StageGraph, type StageGraphParams } from '../../shared/src/protocol';

export function registerStageGraph(context: vscode.ExtensionContext, client: LanguageClient | (() => LanguageClient | undefined)): void {
  const getClient = typeof client === 'function' ? client : () => client;
  let panel: vscode.WebviewPanel | undefined;
  let documentUri: vscode.Uri | undefined;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const c = getClient();
    if (!panel || !documentUri || !c) return;
    const params: StageGraphParams = { uri: documentUri.toString() };
    const graph = await c.sendRequest<StageGraph | null>(STAGE_GRAPH_REQUEST, params);
    if (graph) void panel.webview.postMessage({ type: 'graph', graph, file: vscode.workspace.asRelativePath(documentUri) });
  };
  const refreshSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => undefined), 300);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showStageGraph, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'dockerfile') {
        void vscode.window.showInformationMessage('Open a Dockerfile to see its stage graph.');
        return;
      }
      documentUri = editor.document.uri;
      if (panel) {
        panel.reveal(vscode.ViewColumn.Beside, true);
      } else {
        panel = createPanel(context);
        panel.onDidDispose(() => (panel = undefined));
        panel.webview.onDidReceiveMessage(async (message: { type: string; line?: number }) => {
          if (message.type === 'ready') return refresh();
          if (message.type === 'reveal' && documentUri && typeof message.line === 'number') {
            const position = new vscode.Position(message.line, 0);
            const shown = await vscode.window.showTextDocument(documentUri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
            shown.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
          }
          return undefined;
        });
      }
      await refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panel && documentUri && e.document.uri.toString() === documentUri.toString()) refreshSoon();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!panel || !editor || editor.document.languageId !== 'dockerfile') return;
      documentUri = editor.document.uri;
      refreshSoon();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

function createPanel(context: vscode.ExtensionContext): vscode.WebviewPanel {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel('stagelint.stageGraph', 'Stage graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    localResourceRoots: [dist],
    retainContextWhenHidden: false,
  });
  const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'stageGraphWebview.js'));
  const nonce = [...Array(32)].map(() => Math.floor(Math.random() * 36).toString(36)).join('');
  panel.webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px 12px; }
  #title { font-size: 0.9em; opacity: 0.8; margin: 0 0 8px; }
  .legend { font-size: 0.85em; opacity: 0.8; margin-bottom: 8px; }
  svg { overflow: visible; }
  .node { cursor: pointer; }
  .node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-foreground)); stroke-width: 1; }
  .node:hover rect, .node:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 2; outline: none; }
  .node.target rect { stroke: var(--vscode-charts-green, #3fb950); stroke-width: 2.5; }
  .node.unreachable { opacity: 0.45; }
  .node.unreachable rect, .node.deliberate-target rect { stroke-dasharray: 4 3; }
  .node text { text-anchor: middle; fill: var(--vscode-foreground); }
  .node .label { font-weight: 600; font-size: 13px; }
  .node .base { font-size: 11px; opacity: 0.75; font-family: var(--vscode-editor-font-family); }
  .edge path { fill: none; stroke: var(--vscode-foreground); stroke-opacity: 0.6; stroke-width: 1.3; }
  .edge.copy-from path { stroke: var(--vscode-charts-blue, #4c8bf5); stroke-opacity: 0.9; }
  .edge.mount-from path { stroke: var(--vscode-charts-purple, #a371f7); stroke-dasharray: 5 3; stroke-opacity: 0.9; }
  .edge-label { font-size: 10px; fill: var(--vscode-foreground); opacity: 0.75; text-anchor: middle; }
  .edge-label-bg { fill: var(--vscode-editor-background); }
  marker path { fill: var(--vscode-foreground); fill-opacity: 0.7; }
  .empty { opacity: 0.7; }
</style>
<title>Stage graph</title></head>
<body>
<p id="title"></p>
<p class="legend">★ build target · dashed: separate target (built with --target) · dashed and faded: unreachable · arrows show what each stage takes (FROM, COPY --from, mount) · click a stage to reveal it</p>
<div id="graph"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body></html>`;
  return panel;
}
