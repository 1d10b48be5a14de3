import type { StageEdge } from '../analysis/model';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'no-stage-cycle',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    // DL3023 covers only a stage copying from itself; longer cycles are ours alone.
    sources: [{ tool: 'hadolint', id: 'DL3023', relation: 'inspired' }],
    messages: {
      self: "{{stage}} copies from itself, so BuildKit fails with a circular dependency",
      cycle: "Stages {{path}} depend on each other in a cycle, so BuildKit fails with a circular dependency",
    },
    docs: {
      summary: 'Stages must not depend on each other in a cycle, including a stage that copies from itself',
      rationale:
        'A stage can only be built after every stage it copies from (`COPY --from`, `RUN --mount=…,from=`) or is ' +
        'built `FROM`. When the references form a loop, BuildKit stops with "circular dependency detected". ' +
        'The problem is reported on the reference that closes the loop (a forward reference where there is one).',
      examples: {
        invalid: [
          'FROM golang:1.22 AS build\nCOPY --from=build /out /out\n',
          'FROM alpine AS a\nCOPY --from=b /x /x\n\nFROM a AS b\nRUN echo\n',
        ],
        valid: ['FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM alpine\nCOPY --from=build /out/app /app\n'],
      },
    },
  },
  check({ model, report }) {
    for (const cycle of model.cycles) {
      const edges: StageEdge[] = [];
      cycle.forEach((stage, i) => {
        const next = cycle[(i + 1) % cycle.length]!;
        const edge = model.edgesFrom(stage).find((e) => e.target === next && !e.onbuild);
        if (edge) edges.push(edge);
      });
      if (edges.length === 0) continue;
      // The reference that closes the loop: a self reference or a forward one reads as the mistake.
      const closing = edges.find((e) => e.source === e.target) ?? edges.find((e) => e.forward) ?? edges[edges.length - 1]!;
      const path = [...cycle, cycle[0]!].map((s) => (s.name ? `'${s.label}'` : s.label)).join(' → ');
      report({
        messageId: cycle.length === 1 ? 'self' : 'cycle',
        data: { stage: upperFirst(stagePhrase(cycle[0]!)), path },
        range: closing.range,
        related: edges.filter((e) => e !== closing).map((e) => ({ range: e.range, message: `${upperFirst(stagePhrase(e.source))} depends on ${stagePhrase(e.target!)} here` })),
      });
    }
  },
});
