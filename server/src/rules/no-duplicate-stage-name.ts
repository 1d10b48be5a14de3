import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'no-duplicate-stage-name',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'hadolint', id: 'DL3024', relation: 'same' },
      { tool: 'buildkit', id: 'DuplicateStageName', relation: 'same' },
    ],
    messages: {
      duplicate: "Stage name '{{name}}' is already used by stage {{first}} on line {{line}}, so BuildKit rejects the file",
    },
    docs: {
      summary: 'Two stages must not share a name (names compare case-insensitively)',
      rationale:
        'BuildKit refuses to build a Dockerfile in which two stages have the same name, and it compares names ' +
        'without regard to case: `AS Build` and `AS build` collide. Older tools that compare case-sensitively ' +
        'miss this.',
      examples: {
        invalid: ['FROM golang:1.22 AS build\nRUN go build ./...\n\nFROM node:20 AS Build\nRUN npm run build\n'],
        valid: ['FROM golang:1.22 AS build-go\nRUN go build ./...\n\nFROM node:20 AS build-web\nRUN npm run build\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const first = model.stagesNamed(stage.name.text)[0];
      if (!first || first === stage || !first.name) continue;
      report({
        messageId: 'duplicate',
        data: { name: stage.name.text, first: first.label, line: first.name.range.start.line + 1 },
        range: stage.name.range,
        related: [{ range: first.name.range, message: `'${first.name.text}' is first defined here` }],
      });
    }
  },
});
