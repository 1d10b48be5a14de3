import { possiblyReachableStages } from '../analysis/dynamicRefs';
import type { DockerfileModel, Stage } from '../analysis/model';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';
import { removeLines } from '../engine/fixes';

/** Names that mark a stage built on purpose with `--target`. */
const DELIBERATE = new Set(['test', 'tests', 'lint', 'dev', 'development', 'debug', 'ci', 'docs', 'validate', 'release', 'update', 'image']);

/** `FROM scratch` with only COPY/ADD: a stage that collects files for `--output`, built with `--target`. */
function isExportStage(stage: Stage): boolean {
  return stage.base.kind === 'scratch' && stage.instructions.every((i) => i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'ARG');
}

/** A stage whose FROM chain sets CMD or ENTRYPOINT is an image meant to run: a second image built with `--target`. */
function isRunnableImage(stage: Stage): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    if (s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) return true;
  }
  return false;
}

/** The file pulls an image named after the stage (`FROM org/app:base-slim` for stage `base-slim`): it is published. */
function isPublished(model: DockerfileModel, stage: Stage): boolean {
  const key = stage.name?.key;
  if (!key) return false;
  return model.edges.some((e) => e.by === 'image' && e.text.toLowerCase().split(/[/:@]/).slice(1).includes(key));
}

function isDeliberateTarget(key: string): boolean {
  return key.split(/[-_.]/).some((part) => DELIBERATE.has(part));
}

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
    // Stages named as deliberate targets and export stages are built with `--target` on purpose: what they use is used.
    const roots = [...model.targets, ...model.stages.filter((s) => (s.name && isDeliberateTarget(s.name.key)) || isExportStage(s) || isRunnableImage(s) || isPublished(model, s))];
    const reachable = possiblyReachableStages(model, roots);
    const target = model.targets[0];
    const unreachable = model.stages.filter((s) => !reachable.has(s));
    // End stages nothing uses are what `--target` builds. Several of them mean the file is built for several
    // targets (a bake file, release/validate targets): then none of them is dead code we can point at.
    const ends = unreachable.filter((s) => !model.referencesTo(s).some((e) => !e.onbuild && e.source !== s));
    if (ends.length !== 1) return;
    for (const stage of unreachable) {
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
