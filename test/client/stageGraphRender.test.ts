import { describe, expect, it } from 'vitest';
import { layoutStageGraph, renderStageGraphSvg } from '../../client/src/webview/stageGraphRender';
import { stageGraph } from '../../server/src/features/stageGraph';
import { NODE_APP, model } from '../features/fixtures';

describe('stage graph rendering', () => {
  const graph = stageGraph(model(NODE_APP));

  it('lays stages out in data-flow order without overlaps', () => {
    const l = layoutStageGraph(graph);
    const y = (label: string) => l.nodes.find((n) => n.node.label === label)!.y;
    expect(y('base')).toBeLessThan(y('deps'));
    expect(y('deps')).toBeLessThan(y('build'));
    expect(y('build')).toBeLessThan(y('runtime'));
    for (const a of l.nodes) {
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart).toBe(true);
      }
    }
    expect(l.edges.every((e) => e.points.length >= 2)).toBe(true);
    expect(l.width).toBeGreaterThan(0);
  });

  it('marks the target, separate targets and unreachable stages, and carries the FROM line for click-to-reveal', () => {
    const svg = renderStageGraphSvg(graph);
    expect(svg).toMatch(/<g class="node target" data-line="24"[^>]*>.*runtime ★/);
    // `test` is built on purpose with --target (as no-unreachable-stage decides); `tools` is dead code.
    expect(svg).toMatch(/<g class="node deliberate-target" data-line="18"[^>]*aria-label="Stage test, separate target: /);
    expect(svg).toMatch(/<g class="node unreachable" data-line="21"[^>]*aria-label="Stage tools, unreachable: /);
    expect(svg).toContain('class="edge mount-from"');
    expect((svg.match(/<g class="edge /g) ?? []).length).toBe(graph.edges.length);
  });

  it('puts an opaque backdrop under each edge label, centred where dagre placed the label', () => {
    const svg = renderStageGraphSvg(graph);
    const labels = [...svg.matchAll(/<rect class="edge-label-bg" x="([\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"[^>]*\/><text class="edge-label" x="([\d.]+)" y="([\d.]+)">/g)];
    expect(labels.length).toBe(graph.edges.length);
    for (const [, x, y, width, height, textX, textY] of labels) {
      expect(Number(x) + Number(width) / 2).toBeCloseTo(Number(textX), 0);
      expect(Number(y) + Number(height) / 2).toBeCloseTo(Number(textY) - 4, 0);
    }
  });

  it('escapes labels and handles an empty file', () => {
    const svg = renderStageGraphSvg({ uri: 'x', nodes: [{ id: 0, label: 'final stage on line 1', base: '<img>&"', line: 0, isTarget: true, reach: 'reached' }], edges: [] });
    expect(svg).toContain('&lt;img&gt;&amp;&quot;');
    expect(renderStageGraphSvg({ uri: 'x', nodes: [], edges: [] })).toContain('no FROM');
  });
});
