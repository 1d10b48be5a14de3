import { buildCommandsIn, finalBuildTools, imagePurpose } from '../analysis/buildTools';
import { commandRange } from '../analysis/runScript';
import { defineRule } from '../engine/defineRule';
import { minimalEdit } from '../engine/fixes';
import { explainSplit } from '../refactors/split';

export default defineRule({
  id: 'prefer-multi-stage-build',
  meta: {
    category: 'performance',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      singleStage:
        'This single-stage image {{what}} on line {{line}} and ships the toolchain with the result; build in a builder stage and copy only the artifacts into a runtime stage',
      split: 'Split into builder and runtime stages',
    },
    docs: {
      summary: 'A single-stage Dockerfile that compiles or keeps build tools should be split into builder and runtime stages',
      rationale:
        'When one stage both builds and runs, everything the build needed ships: compilers, headers, SDKs, ' +
        'package caches, source files. A multi-stage build keeps the toolchain in a builder stage and copies ' +
        'only the artifacts (a binary, a `dist/` folder, a virtualenv, a jar) into a small runtime image, which ' +
        'is faster to pull and has less to attack.\n\n' +
        'Reported on the FROM of a Dockerfile with one stage that keeps build tools in the image (see ' +
        '`no-build-tools-in-final-stage`) or runs a build: `go build`, `cargo build`, `mvn package`, `gradle ' +
        'build`, `dotnet publish`, `npm run build`, `tsc`. Images meant as build or development environments ' +
        '(a stage named `dev`/`test`/`ci`…, or one that starts a shell, a REPL or a build tool) are left alone.\n\n' +
        'The "Split into builder and runtime stages" refactor performs the split; until it is available for a ' +
        'file, the problem is reported without a fix.',
      fixSafety:
        'The fix is the "Split into builder and runtime stages" refactor (see docs/refactors.md). It is unsafe: the ' +
        'image that ships changes (another base image, only the artifacts, a non-root user), so review it. It is ' +
        'offered only where the ecosystem, the artifacts and every program the container starts are recognised.',
      examples: {
        invalid: ['FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app ./cmd/app\nCMD ["app"]\n'],
        valid: [
          'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
          'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\nCMD ["bash"]\n',
        ],
      },
    },
  },
  check({ model, report }) {
    if (model.stages.length !== 1) return;
    const stage = model.stages[0]!;
    if (!model.targets.includes(stage) || imagePurpose(model, stage) !== 'application') return;
    const build = buildCommandsIn(model, stage)[0];
    const tools = finalBuildTools(model)[0];
    // The "Split into builder and runtime stages" refactor, where it can split this file.
    const split = build || tools ? explainSplit(model) : undefined;
    const edit = split && 'output' in split ? minimalEdit(model, split.output) : undefined;
    const fixes = edit ? [{ messageId: 'split' as const, safety: 'unsafe' as const, edits: [edit] }] : [];
    if (build) {
      const range = commandRange(build.script, build.command);
      report({
        messageId: 'singleStage',
        data: { what: `runs '${build.label}'`, line: range.start.line + 1 },
        range: stage.from.range,
        related: [{ range, message: `'${build.label}' builds here, in the image that ships` }],
        fixes,
      });
    } else if (tools) {
      const first = tools.packages[0]!;
      const range = commandRange(first.script, first.install.command);
      report({
        messageId: 'singleStage',
        data: { what: `installs build tools (${tools.packages.map((p) => `'${p.pkg.name}'`).join(', ')})`, line: range.start.line + 1 },
        range: stage.from.range,
        related: [{ range, message: 'Build tools installed here stay in the image' }],
        fixes,
      });
    }
  },
});
