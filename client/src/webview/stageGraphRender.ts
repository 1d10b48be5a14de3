/**
 * Lays out a stage graph with dagre (layered, top to bottom in data-flow order) and renders it to an SVG string.
 * Pure and DOM-free, so it runs in tests as well as in the webview. Every node carries `data-line` (its FROM
 * line) for the click-to-reveal handler; the target is highlighted, separate targets (built on their own with
 * `--target`) dashed and unreachable stages dashed and faded via CSS
 * classes that the webview styles with the editor's theme colours.
 */
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { StageGraph, StageGraphEdge, StageGraphNode } from '../../../shared/src/protocol';

export interface PlacedNode {
  readonly node: StageGraphNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly edge: StageGraphEdge;
  readonly points: readonly { x: number; y: number }[];
  /** Centre of the edge's label, placed by dagre so that labels do not sit on nodes. */
  readonly label: { x: number; y: number } | undefined;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

// dagre ships ESM types; this CommonJS project loads its CommonJS build (esbuild bundles it either way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { graphlib, layout } = require('@dagrejs/dagre') as typeof Dagre;

const EDGE_LABEL: Record<StageGraphEdge['kind'], string> = { from: 'FROM', 'copy-from': 'COPY --from', 'mount-from': 'mount' };
const REACH_STATUS: Record<StageGraphNode['reach'], string> = {
  reached: 'used by the target',
  'deliberate-target': 'separate target: not used by the build target, built on its own with --target',
  unreachable: 'unreachable: not built for the target',
};

const CHAR_WIDTH = 7.2;
/** Room for an edge label at 10px: dagre keeps it free of nodes, and the label's backdrop covers the edge there. */
const labelSize = (kind: StageGraphEdge['kind']) => ({ width: Math.round(EDGE_LABEL[kind].length * 6) + 6, height: 12 });
const NODE_HEIGHT = 46;
const MARGIN = 16;

function nodeWidth(node: StageGraphNode): number {
  const longest = Math.max(node.label.length + 2, node.base.length);
  return Math.max(110, Math.min(320, Math.round(longest * CHAR_WIDTH) + 24));
}

export function layoutStageGraph(graph: StageGraph): GraphLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(String(node.id), { width: nodeWidth(node), height: NODE_HEIGHT });
  graph.edges.forEach((edge, i) =>
    g.setEdge(String(edge.from), String(edge.to), { ...labelSize(edge.kind), labelpos: 'c' }, `e${i}`),
  );
  layout(g);
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(String(node.id));
    return { node, x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height };
  });
  const edges = graph.edges.map((edge, i) => {
    const placed = g.edge(String(edge.from), String(edge.to), `e${i}`);
    const label = placed && typeof placed.x === 'number' && typeof placed.y === 'number' ? { x: placed.x, y: placed.y } : undefined;
    return { edge, points: (placed?.points ?? []) as { x: number; y: number }[], label };
  });
  const label = g.graph();
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}


function path(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

export function renderStageGraphSvg(graph: StageGraph): string {
  if (graph.nodes.length === 0) return '<p class="empty">This Dockerfile has no FROM instruction yet.</p>';
  const l = layoutStageGraph(graph);
  const edges = l.edges.map(({ edge, points, label: at }) => {
    const size = labelSize(edge.kind);
    // The edge runs through its label's centre: an opaque backdrop (the webview's background) keeps the text legible.
    const backdrop = at
      ? `<rect class="edge-label-bg" x="${(at.x - size.width / 2).toFixed(1)}" y="${(at.y - size.height / 2).toFixed(1)}" width="${size.width}" height="${size.height}" rx="2"/>`
      : '';
    const label = at ? `${backdrop}<text class="edge-label" x="${at.x.toFixed(1)}" y="${(at.y + 4).toFixed(1)}">${EDGE_LABEL[edge.kind]}</text>` : '';
    return `<g class="edge ${edge.kind}" data-line="${edge.line}"><title>${EDGE_LABEL[edge.kind]} (line ${edge.line + 1})</title><path d="${path(points)}" marker-end="url(#arrow)"/>${label}</g>`;
  });
  const nodes = l.nodes.map(({ node, x, y, width, height }) => {
    const classes = ['node', node.isTarget ? 'target' : '', node.reach === 'reached' ? '' : node.reach].filter(Boolean).join(' ');
    const status = node.isTarget ? 'build target' : REACH_STATUS[node.reach];
    return (
      `<g class="${classes}" data-line="${node.line}" tabindex="0" role="button" aria-label="Stage ${escapeXml(node.label)}, ${status}">` +
      `<title>${escapeXml(node.label)} — ${status} (line ${node.line + 1}); click to reveal</title>` +
      `<rect x="${(x - width / 2).toFixed(1)}" y="${(y - height / 2).toFixed(1)}" width="${width}" height="${height}" rx="6"/>` +
      `<text class="label" x="${x.toFixed(1)}" y="${(y - 4).toFixed(1)}">${escapeXml(node.label)}${node.isTarget ? ' ★' : ''}</text>` +
      `<text class="base" x="${x.toFixed(1)}" y="${(y + 13).toFixed(1)}">${escapeXml(node.base || '—')}</text>` +
      `</g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
    edges.join('') + nodes.join('') + `</svg>`
  );
}
