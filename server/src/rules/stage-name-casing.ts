import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'stage-name-casing',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'StageNameCasing', relation: 'same' }],
    messages: {
      upper: "Stage name '{{name}}' has upper-case letters, but BuildKit lower-cases stage names, so it is really '{{lower}}'",
      lowerAll: "Rename to '{{lower}}' everywhere",
    },
    docs: {
      summary: 'Stage names should be lower-case',
      rationale:
        'BuildKit lower-cases stage names, so `AS Builder` is the stage `builder` and `--target Builder` does not ' +
        'find it. Writing names in lower-case everywhere keeps the file, the build command and the error ' +
        'messages in agreement.',
      fixSafety:
        'The name and every reference written literally are lower-cased. Stage names compare case-insensitively, ' +
        'so the build is unchanged.',
      examples: {
        invalid: ['FROM golang:1.22 AS Builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=Builder /app /app\n'],
        valid: ['FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=builder /app /app\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const name = stage.name;
      if (!name || name.text === name.key) continue;
      const edits = [replace(name.range, name.key)];
      // Only literal references: a variable that expands to the name still matches case-insensitively.
      for (const edge of model.referencesTo(stage)) {
        if (edge.by === 'name' && !edge.text.includes('$') && edge.text !== name.key) edits.push(replace(edge.range, name.key));
      }
      report({
        messageId: 'upper',
        data: { name: name.text, lower: name.key },
        range: name.range,
        fixes: [{ messageId: 'lowerAll', data: { lower: name.key }, safety: 'safe', edits }],
      });
    }
  },
});
