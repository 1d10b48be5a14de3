import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { reachState } from '../analysis/stageReachability';
import { defineRule } from '../engine/defineRule';
import { removeLines } from '../engine/fixes';

export default defineRule({
  id: 'no-unreachable-stage',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'hint',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      unreachable: '{{stage}} is never used by the build target, {{target}}, so BuildKit skips it',
      remove: 'Remove {{stage}}',
    },
    docs: {
      summary: 'A stage that the build target never reaches through FROM or --from is dead code',
      rationale:
        'BuildKit only builds the stages the target needs (the last stage, unless `--target` says otherwise). A ' +
        'stage nothing references is skipped: its RUN steps never execute, and its tests never fail the build. ' +
        'Names that mark a deliberate target (`test`, `tests`, `lint`, `dev`, `development`, `debug`, `ci`, ' +
        '`docs`, `validate`, `release`, `update`, `image`, also as part of a name such as `unit-test`) are exempt, and so are the stages listed in the ' +
        "configuration's `targets`. A reference through a variable (`FROM app-${VARIANT}`) counts for every " +
        'stage whose name it may produce.\n\n' +
        'Because unused end stages are exactly what `docker build --target` builds, the rule also treats as ' +
        'targets the stages that set `CMD`/`ENTRYPOINT` (images meant to run), stages the file pulls back as a ' +
        'published image (`FROM org/app:base-slim` for stage `base-slim`) and `FROM scratch` stages that only ' +
        'collect files for `--output`, and it stays silent when a file has several unused end stages (a file built ' +
        'for several targets, e.g. from a bake file). List other targets in `targets` to have the rest checked.',
      fixSafety: 'Unsafe: a build script may still select the stage with `--target`, and removing it renumbers later stages.',
      examples: {
        invalid: ['FROM node:20 AS assets\nRUN npm run build\n\nFROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=build /app /app\n'],
        valid: [
          'FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM build AS test\nRUN go test ./...\n\nFROM alpine\nCOPY --from=build /app /app\n',
        ],
      },
    },
  },
  check({ model, report }) {
    if (model.stages.length < 2) return;
    // Deliberate targets (names such as `test`, runnable images, export stages, several unused end stages) and
    // what they use are decided in analysis/stageReachability.ts, which the editor features share.
    const target = model.targets[0];
    for (const stage of model.stages) {
      if (reachState(model, stage) !== 'unreachable') continue;
      report({
        messageId: 'unreachable',
        data: { stage: upperFirst(stagePhrase(stage)), target: target ? stagePhrase(target) : '' },
        range: stage.name?.range ?? stage.base.range,
        tags: ['unnecessary'],
        fixes: [{ messageId: 'remove', data: { stage: stagePhrase(stage) }, safety: 'unsafe', edits: [removeLines(model, stage.range.start.line, stage.range.end.line)] }],
      });
    }
  },
});
