import { sdkFinalImages } from '../analysis/buildTools';
import { stagePhrase } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'no-sdk-base-in-final-stage',
  meta: {
    category: 'performance',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      sdkBase:
        "The final image is based on the build image '{{image}}' although {{builder}} already builds what it ships: the whole toolchain ships too{{advice}}",
      swap: "Use '{{image}}'",
    },
    docs: {
      summary: 'The final image should use a runtime image when a builder stage already does the build',
      rationale:
        'SDK and build images (`golang`, `rust`, `maven`, `gradle`, `gcc`, `mcr.microsoft.com/dotnet/sdk`, JDK ' +
        'images, the full `node`/`python` images) carry compilers and package-manager caches that the running ' +
        'service never uses. Once a builder stage produces the artifacts, the final stage only needs the ' +
        'runtime: `gcr.io/distroless/static-debian12` or `alpine` for a static Go binary, a `-jre` image for Java, ' +
        '`mcr.microsoft.com/dotnet/aspnet` or `runtime` for .NET, `node:*-slim`, `python:*-slim`, `debian:*-slim`.\n\n' +
        'The rule only reports when the final image copies from a builder stage and does not build anything ' +
        'itself; images whose base is not in the curated table are left alone.',
      fixSafety:
        'Unsafe: the runtime image lacks the SDK, so a final stage that still calls build tools, a shell ' +
        '(distroless has none) or a dynamically linked binary (a Go binary built with cgo on distroless/static) ' +
        'may stop working.',
      examples: {
        invalid: ['FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM golang:1.22\nCOPY --from=build /out/app /app\nCMD ["/app"]\n'],
        valid: ['FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n'],
      },
    },
  },
  check({ model, report }) {
    for (const finding of sdkFinalImages(model)) {
      const alternative = finding.facts.runtimeAlternative;
      const canFix = alternative !== undefined && finding.root.base.kind === 'image' && !finding.root.base.text.includes('$');
      report({
        messageId: 'sdkBase',
        data: { image: finding.image, builder: stagePhrase(finding.builder), advice: alternative ? `; ship it on '${alternative}' instead` : '' },
        range: finding.root.base.range,
        related: [{ range: finding.flow.range, message: `The artifacts come from ${stagePhrase(finding.builder)} here` }],
        fixes: canFix ? [{ messageId: 'swap', data: { image: alternative }, safety: 'unsafe', edits: [replace(finding.root.base.range, alternative)] }] : [],
      });
    }
  },
});
