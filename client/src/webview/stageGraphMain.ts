/**
 * Script of the stage graph webview: draws each graph the extension posts and reports clicks on stages and
 * edges so the extension can reveal the line. Bundled by esbuild into `dist/stageGraphWebview.js`.
 */
import type { StageGraph } from '../../../shared/src/protocol';
import { renderStageGraphSvg } from './stageGraphRender';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('graph')!;
const title = document.getElementById('title')!;

window.addEventListener('message', (event: MessageEvent<{ type: string; graph?: StageGraph; file?: string }>) => {
  if (event.data.type !== 'graph' || !event.data.graph) return;
  title.textContent = event.data.file ?? '';
  root.innerHTML = renderStageGraphSvg(event.data.graph);
});

function reveal(target: EventTarget | null): void {
  const el = (target as Element | null)?.closest?.('[data-line]');
  const line = el?.getAttribute('data-line');
  if (line !== null && line !== undefined) vscode.postMessage({ type: 'reveal', line: Number(line) });
}

root.addEventListener('click', (e) => reveal(e.target));
root.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') reveal(e.target);
});
vscode.postMessage({ type: 'ready' });
