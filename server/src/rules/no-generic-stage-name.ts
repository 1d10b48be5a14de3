import { isGenericStageName, suggestStageName } from '../analysis/stageNaming';
import { defineRule } from '../engine/defineRule';
import { renameStageEdits } from '../engine/fixes';

export default defineRule({
  id: 'no-generic-stage-name',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      generic: "Stage name '{{name}}' says nothing about what the stage does",
      rename: "Rename to '{{suggestion}}' everywhere",
    },
    docs: {
      summary: "Stage names should say what the stage does, not just count (stage1, s2, tmp, build1)",
      rationale:
        'Stage names appear in `COPY --from`, `--target`, CI logs and error messages. `COPY --from=stage2 /app ' +
        '/app` forces the reader to scroll up; `COPY --from=builder /app /app` does not. A name that only ' +
        'numbers the stage also invites the same confusion as a numeric `--from`.',
      fixSafety:
        'The stage and its literal references are renamed to its role (builder, deps, test, runtime, base). ' +
        'Unsafe because build scripts outside the file may use the old name with `--target` or `--build-context`.',
      examples: {
        invalid: ['FROM golang:1.22 AS stage1\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=stage1 /app /app\n'],
        valid: ['FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=builder /app /app\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const name = stage.name;
      if (!name || !isGenericStageName(name.key)) continue;
      const suggestion = suggestStageName(model, stage);
      // A reference through a variable would keep the old name: leave such renames to the user.
      const viaVariable = model.referencesTo(stage).some((e) => e.text.includes('$'));
      const fixes = suggestion && !viaVariable
        ? [{ messageId: 'rename' as const, data: { suggestion }, safety: 'unsafe' as const, edits: renameStageEdits(model, stage, suggestion) }]
        : [];
      report({ messageId: 'generic', data: { name: name.text }, range: name.range, fixes });
    }
  },
});
