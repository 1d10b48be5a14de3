import { copyParts } from '../analysis/copySources';
import { rootStage, stageChain } from '../analysis/finalImage';
import type { Stage } from '../analysis/model';
import { parseImageReference } from '../analysis/imageRef';
import { KNOWN_OFFICIAL_IMAGES } from '../analysis/officialImages';
import { defineRule } from '../engine/defineRule';

/**
 * True when the stage is known to hold an operating system: something in its FROM chain runs a shell (RUN), or
 * the chain starts from an official OS/runtime image. Stages from scratch, and images we cannot judge (tool
 * images such as tonistiigi/xx carry only a few binaries), stay silent.
 */
function holdsOperatingSystem(stage: Stage): boolean {
  if (stageChain(stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN'))) return true;
  const root = rootStage(stage);
  return root.base.kind === 'image' && isOfficialOsImage(root.base.name);
}

function isOfficialOsImage(name: string | undefined): boolean {
  return name !== undefined && name !== 'hello-world' && KNOWN_OFFICIAL_IMAGES.has(name);
}

export default defineRule({
  id: 'no-copy-whole-stage',
  meta: {
    category: 'performance',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3067', relation: 'same' }],
    messages: {
      whole: "'COPY --from={{from}} /' copies the whole filesystem of '{{from}}' (its OS, toolchain and caches) into this stage",
    },
    docs: {
      summary: "Copy the artifacts you need from another stage, not its whole filesystem ('/')",
      rationale:
        '`COPY --from=build / /` brings the entire builder image along: compilers, package caches and sources end ' +
        'up in the final image, which defeats the point of a multi-stage build and can overwrite files of the ' +
        'runtime base. Copy the build output paths instead. Only sources known to hold an operating system are ' +
        'reported: a stage whose chain runs `RUN` or starts from an official OS or language image. Stages built ' +
        '`FROM scratch` (a common way to collect artifacts) and tool images that carry only binaries are not.',
      examples: {
        invalid: ['FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM alpine\nCOPY --from=build / /\n'],
        valid: [
          'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM scratch AS artifacts\nCOPY --from=build /out/app /app\n\nFROM alpine\nCOPY --from=artifacts / /\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const edge of model.edges) {
      if (edge.kind !== 'copy-from' || edge.by === 'variable') continue;
      const os = edge.target ? holdsOperatingSystem(edge.target) : isOfficialOsImage(parseImageReference(edge.text).name);
      if (!os) continue;
      const parts = copyParts(model, edge.instr.trigger ?? edge.instr);
      const root = parts?.sources.find((s) => s.value !== undefined && /^\/\.?\/?$/.test(s.value));
      if (!root) continue;
      report({ messageId: 'whole', data: { from: edge.text }, range: root.range });
    }
  },
});
