import type { Stage } from '../analysis/model';
import { suggestStageName } from '../analysis/stageNaming';
import { defineRule } from '../engine/defineRule';
import { keywordLike, replace } from '../engine/fixes';

export default defineRule({
  id: 'no-numeric-stage-reference',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      numeric: "'--from={{index}}' refers to stage {{index}} by position, so inserting or removing a stage silently changes what is copied",
      useName: "Reference stage '{{name}}' by name",
      nameStage: "Name stage {{index}} '{{name}}' and reference it by name",
    },
    docs: {
      summary: 'Refer to stages by name, not by their position',
      rationale:
        '`COPY --from=0` copies from whatever stage is first. When someone adds a stage above it (a common way to ' +
        'add a dependency cache) the copy silently takes files from the wrong stage, or the build fails far from ' +
        'the cause. Names also tell the reader what is copied.',
      fixSafety:
        'A named stage is referenced by its name. An unnamed stage gets a name from its role (builder, deps, ' +
        'test, runtime, …) that no other stage uses, and every numeric reference to it is replaced. Both refer ' +
        'to the same stage, so the build is unchanged.',
      examples: {
        invalid: ['FROM golang:1.22\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=0 /app /app\n'],
        valid: ['FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=builder /app /app\n'],
      },
    },
  },
  check({ model, report }) {
    for (const edge of model.edges) {
      if (edge.by !== 'index' || !edge.target) continue;
      const stage: Stage = edge.target;
      if (stage.name) {
        report({
          messageId: 'numeric',
          data: { index: edge.text },
          range: edge.range,
          fixes: [{ messageId: 'useName', data: { name: stage.name.text }, safety: 'safe', edits: [replace(edge.range, stage.name.text)] }],
        });
        continue;
      }
      // The stage is copied from, so when its role is not evident it is still a builder of something.
      const name = suggestStageName(model, stage, 'builder')!;
      const edits = [replace({ start: stage.base.range.end, end: stage.base.range.end }, ` ${keywordLike(stage.from, 'AS')} ${name}`)];
      for (const ref of model.referencesTo(stage)) if (ref.by === 'index') edits.push(replace(ref.range, name));
      const canName = stage.base.kind !== 'missing' && stage.from.args.length === 1;
      report({
        messageId: 'numeric',
        data: { index: edge.text },
        range: edge.range,
        fixes: canName ? [{ messageId: 'nameStage', data: { index: stage.index, name }, safety: 'safe', edits }] : [],
      });
    }
  },
});
