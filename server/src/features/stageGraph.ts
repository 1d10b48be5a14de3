/**
 * The `stagelint/stageGraph` answer: stages as nodes (with their base image, target and reachability) and
 * stage-to-stage references as edges, pointing in the direction data flows (used stage → user).
 */
import type { StageGraph, StageGraphEdge, StageGraphNode } from '../../../shared/src/protocol';
import type { DockerfileModel } from '../analysis/model';
import { reachState } from '../analysis/stageReachability';
import { baseLabel } from './stageLabels';

export function stageGraph(model: DockerfileModel): StageGraph {
  const nodes: StageGraphNode[] = model.stages.map((s) => ({
    id: s.index,
    label: s.label,
    base: baseLabel(s),
    line: s.from.range.start.line,
    isTarget: model.targets.includes(s),
    reach: reachState(model, s),
  }));
  const edges: StageGraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of model.edges) {
    if (!e.target || e.onbuild || e.target === e.source) continue;
    // One edge per (from, to, kind): three COPY --from lines between the same stages draw as one arrow.
    const key = `${e.target.index}>${e.source.index}:${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ from: e.target.index, to: e.source.index, kind: e.kind, line: e.range.start.line });
  }
  return { uri: model.uri, nodes, edges };
}
