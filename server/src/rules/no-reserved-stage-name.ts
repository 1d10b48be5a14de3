import { defineRule } from '../engine/defineRule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'no-reserved-stage-name',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'hadolint', id: 'DL3063', relation: 'same' },
      { tool: 'buildkit', id: 'ReservedStageName', relation: 'same' },
    ],
    messages: {
      reserved: "'{{name}}' is a reserved name, so references to stage '{{name}}' do not reach this stage",
    },
    docs: {
      summary: "Stages must not be named 'scratch' or 'context'",
      rationale:
        '`scratch` means the empty image and `context` the build context; BuildKit resolves those meanings ' +
        'before stage names, so `FROM scratch` or `COPY --from=context` never reach a stage with that name. ' +
        'Names compare case-insensitively (`AS Scratch` is reserved too).',
      examples: {
        invalid: ['FROM alpine AS scratch\nRUN echo hi > /greeting\n'],
        valid: ['FROM alpine AS scratchpad\nRUN echo hi > /greeting\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name && RESERVED.has(stage.name.key)) {
        report({ messageId: 'reserved', data: { name: stage.name.text }, range: stage.name.range });
      }
    }
  },
});
