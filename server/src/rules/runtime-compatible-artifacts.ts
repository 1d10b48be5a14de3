import { incompatibleArtifacts } from '../analysis/artifactCompat';
import { rootImageText, rootStage } from '../analysis/finalImage';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';
import { editableCommand } from '../engine/edits/shellEdits';

const LIBC: Readonly<Record<string, string>> = { glibc: 'glibc', musl: 'musl', none: 'no C library' };

export default defineRule({
  id: 'runtime-compatible-artifacts',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      goLibc:
        "This Go binary from {{builder}} is built with cgo enabled on '{{builderImage}}' ({{builderLibc}}), so it links the C library dynamically and fails to start on '{{targetImage}}' ({{targetLibc}}) when it uses net or os/user",
      pythonVersion:
        "These Python packages from {{builder}} are built for Python {{builderPython}}, but '{{targetImage}}' has {{targetPython}}, so imports fail at run time",
      nodeLibc:
        "These node_modules from {{builder}} are installed on {{builderLibc}} ('{{builderImage}}'), but '{{targetImage}}' uses {{targetLibc}}, so native addons fail to load",
      disableCgo: "Build with 'CGO_ENABLED=0'",
      matchPython: "Use '{{image}}'",
    },
    docs: {
      summary: 'Artifacts copied from a builder must be able to run on the final base image',
      rationale:
        'A multi-stage build compiles in one image and runs in another; the two must agree on what the ' +
        'artifacts need at run time:\n\n' +
        '- **Go**: with cgo enabled (the default when the builder has a C compiler, as the Debian-based ' +
        '`golang` images do), binaries that use `net` or `os/user` link glibc dynamically. On `alpine` (musl), ' +
        '`scratch` or `distroless/static` they fail with "no such file or directory". Build with ' +
        '`CGO_ENABLED=0`, or run on a glibc image (`distroless/base`, `debian:*-slim`).\n' +
        '- **Python**: site-packages, a `pip --user` site or a virtualenv belong to the Python version they ' +
        'were installed with (`python3.11/site-packages`, compiled extensions for that ABI). Copied into an ' +
        'image with another Python, or none (plain `debian`/`ubuntu`), imports fail.\n' +
        '- **Node**: native addons in `node_modules` are built or downloaded for the C library of the builder; ' +
        'glibc builds do not load on alpine (musl), and the other way round.\n\n' +
        'Reported on the COPY that moves the artifact, with the builder stage and the producing command as ' +
        'related information. Silent when either image is not curated, when cgo is disabled or cross-compiling ' +
        '(`GOOS`/`GOARCH`/`CC` set), when the link is static (`-extldflags -static`, `netgo`/`osusergo` tags), ' +
        'and when the final image installs its own Python or a glibc compatibility layer.',
      fixSafety:
        'Unsafe: `CGO_ENABLED=0` fails the build of programs that need cgo (SQLite drivers, C libraries); a ' +
        'different Python base image changes the interpreter the whole image runs on.',
      examples: {
        invalid: ['FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n'],
        valid: ['FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n'],
      },
    },
  },
  check({ model, report }) {
    for (const issue of incompatibleArtifacts(model)) {
      const builderImage = rootImageText(issue.builder) ?? issue.builderFacts.repository;
      const targetImage = rootImageText(issue.target) ?? issue.targetFacts.repository;
      const related = [
        { range: rootStage(issue.builder).from.range, message: `${upperFirst(stagePhrase(issue.builder))} is built on '${builderImage}' (${LIBC[issue.builderFacts.libc] ?? issue.builderFacts.libc})` },
        { range: issue.producer.range, message: 'The artifact is produced here' },
      ];
      const data = {
        builder: stagePhrase(issue.builder), builderImage, targetImage,
        builderLibc: LIBC[issue.builderFacts.libc] ?? issue.builderFacts.libc, targetLibc: LIBC[issue.targetFacts.libc] ?? issue.targetFacts.libc,
      };
      if (issue.kind === 'go-libc') {
        const go = issue.goCommand!;
        const at = go.command.assignments[0]?.word.start ?? go.command.words[0]?.start ?? go.command.start;
        const pos = model.document.positionAt(at);
        const fixes = editableCommand(go.script, go.command)
          ? [{ messageId: 'disableCgo' as const, safety: 'unsafe' as const, edits: [{ range: { start: pos, end: pos }, newText: 'CGO_ENABLED=0 ' }] }]
          : [];
        report({ messageId: 'goLibc', data, range: issue.source.source.range, related, fixes });
      } else if (issue.kind === 'python-version') {
        const targetPython = issue.targetPython === 'none' ? 'no Python' : `Python ${issue.targetPython}`;
        const root = rootStage(issue.target);
        const text = root.base.kind === 'image' ? root.base.text : '';
        const image = issue.targetPython !== 'none' && text.split(issue.targetPython!).length === 2 && !text.includes('$')
          ? text.replace(issue.targetPython!, issue.builderPython!) : undefined;
        const fixes = image ? [{ messageId: 'matchPython' as const, data: { image }, safety: 'unsafe' as const, edits: [{ range: root.base.range, newText: image }] }] : [];
        report({ messageId: 'pythonVersion', data: { ...data, builderPython: issue.builderPython!, targetPython }, range: issue.source.source.range, related, fixes });
      } else {
        report({ messageId: 'nodeLibc', data, range: issue.source.source.range, related });
      }
    }
  },
});
