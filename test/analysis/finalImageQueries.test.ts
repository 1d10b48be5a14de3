/**
 * The model queries behind the section B rules, tested directly: image purpose, build tools and build
 * commands of the final image, root and missing users, ownership, pip user sites, artifact compatibility,
 * COPY --from sources and health-check tools.
 */
import { describe, expect, it } from 'vitest';
import { incompatibleArtifacts } from '../../server/src/analysis/artifactCompat';
import { buildCommandsIn, finalBuildTools, imagePurpose, sdkFinalImages } from '../../server/src/analysis/buildTools';
import { buildModel } from '../../server/src/analysis/buildModel';
import { chownCommands } from '../../server/src/analysis/chownCommands';
import { chownFolds } from '../../server/src/analysis/chownFolds';
import { envAt } from '../../server/src/analysis/envAt';
import { missingHealthTools } from '../../server/src/analysis/healthcheckTools';
import { missingSources } from '../../server/src/analysis/missingSources';
import { userSiteIssues } from '../../server/src/analysis/pythonSites';
import { rootFinalImages } from '../../server/src/analysis/rootUser';
import { copiesNeedingChown, missingUsers } from '../../server/src/analysis/userChecks';
import { df } from '../support/dockerfile';

const last = (text: string, targets: string[] = []) => {
  const model = buildModel(text, { targets });
  return { model, stage: model.stages[model.stages.length - 1]! };
};

describe('imagePurpose', () => {
  it('tells applications from toolchains', () => {
    const purpose = (text: string, sdk = false) => { const { model, stage } = last(text); return imagePurpose(model, stage, { sdkIsToolchain: sdk }); };
    expect(purpose('FROM debian:12-slim\nCMD ["/usr/bin/app", "--serve"]\n')).toBe('application');
    expect(purpose('FROM python:3.12-slim\nCMD ["python", "app.py"]\n')).toBe('application');
    expect(purpose('FROM python:3.12-slim\nCMD ["python3"]\n')).toBe('toolchain');
    expect(purpose('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT ["dotnet", "api.dll"]\n')).toBe('application');
    expect(purpose('FROM debian:12-slim AS dev\nCMD ["/app"]\n')).toBe('toolchain');
    expect(purpose('FROM debian:12-slim\nENTRYPOINT ["/build.sh"]\n')).toBe('toolchain');
    expect(purpose('FROM debian:12-slim\nWORKDIR /project\nVOLUME /project\nENTRYPOINT ["site-gen"]\n')).toBe('toolchain');
    expect(purpose('FROM debian:12-slim\nRUN true\n')).toBe('unknown');
    expect(purpose('FROM golang:1.22\nCMD ["/app"]\n')).toBe('application');
    expect(purpose('FROM golang:1.22\nCMD ["/app"]\n', true)).toBe('toolchain');
    // The full python image is a runtime with extras, not a compiler SDK.
    expect(purpose('FROM python:3.12\nCMD ["gunicorn", "app:app"]\n', true)).toBe('application');
  });
});

describe('build activity', () => {
  it('groups kept build tools by install command and names the target that inherits them', () => {
    const { model } = last('FROM debian:12-slim AS base\nRUN apt-get install -y gcc libssl-dev\nFROM base\nRUN apt-get install -y make\nCMD ["/app"]\n');
    expect(finalBuildTools(model).map((g) => [g.packages.map((p) => p.pkg.name), g.viaStage?.label])).toEqual([
      [['gcc', 'libssl-dev'], 'final stage on line 3'],
      [['make'], undefined],
    ]);
  });

  it('finds build commands', () => {
    const { model, stage } = last('FROM node:20\nRUN npm ci && npm run build && npx tsc -p . && yarn build\nRUN go build ./... && cargo build --release && mvn -B package && ./gradlew bootJar && dotnet publish\n');
    expect(buildCommandsIn(model, stage).map((b) => b.label)).toEqual(['npm run build', 'tsc', 'yarn run build', 'go build', 'cargo build', 'mvn package', 'gradle build', 'dotnet publish']);
  });

  it('finds SDK final images next to a builder', () => {
    const { model } = last('FROM golang:1.22 AS b\nRUN go build -o /out/app .\nFROM golang:1.22\nCOPY --from=b /out/app /app\nCMD ["/app"]\n');
    expect(sdkFinalImages(model).map((f) => [f.image, f.builder.label, f.facts.runtimeAlternative])).toEqual([['golang:1.22', 'b', 'gcr.io/distroless/static-debian12']]);
  });
});

describe('users and ownership', () => {
  it('finds root final images and an account to switch to', () => {
    const { model } = last('FROM debian:12-slim\nRUN useradd -r svc && useradd -m app\nCMD ["/app"]\n');
    expect(rootFinalImages(model).map((r) => [r.user, r.userInstr, r.createdUser])).toEqual([['root', undefined, 'app']]);
  });

  it('finds missing users and the RUN that fails', () => {
    const { model } = last('FROM alpine:3.20\nUSER ghost\nRUN id\nUSER root\nUSER 1000\n');
    expect(missingUsers(model).map((m) => [m.user, m.failingRun?.range.start.line, m.shipped])).toEqual([['ghost', 2, true]]);
  });

  it('finds copies that need --chown', () => {
    const { model } = last('FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCOPY a /app/a\nCOPY b /usr/local/bin/b\nCOPY --chown=app c /app/c\n');
    expect(copiesNeedingChown(model).map((c) => [c.dest, c.owner, c.reason])).toEqual([['/app/a', 'app', 'after-user']]);
  });

  it('reads chown commands with cd, relative paths and owners', () => {
    const { model, stage } = last('FROM alpine:3.20\nWORKDIR /srv\nRUN cd www && chown -R nobody:nobody . ../data && chown --reference=/x /y\n');
    expect(chownCommands(model, stage.instructions[1]!).map((c) => [c.owner, c.recursive, c.paths])).toEqual([
      ['nobody:nobody', true, ['/srv/www', '/srv/data']],
      // `--reference=/x` names the model file, not a path to change.
      [undefined, false, ['/y']],
    ]);
  });

  it('folds chown into the copies, keeping directories that existed before', () => {
    const { model } = last('FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN chown -R nobody /app\n');
    expect(chownFolds(model).map((f) => [f.copies.map((c) => c.range.start.line), f.onlyCommand, f.preexisting])).toEqual([[[2], true, ['/app']]]);
  });
});

describe('pip user sites', () => {
  it('classifies where the site lands for the runtime user', () => {
    const build = 'FROM python:3.12 AS b\nRUN pip install --user gunicorn\n';
    const kinds = (final: string) => userSiteIssues(buildModel(build + final)).map((i) => [i.kind, i.site, i.expected]);
    expect(kinds('FROM python:3.12-slim\nCOPY --from=b /root/.local /root/.local\nUSER nobody\nCMD ["python"]\n')).toEqual([['root-home', '/root/.local', undefined]]);
    expect(kinds('FROM python:3.12-slim\nRUN useradd -m a\nCOPY --from=b /root/.local /home/a/.local\nCMD ["python"]\n')).toEqual([['other-home', '/home/a/.local', '/root/.local']]);
    expect(kinds('FROM python:3.12-slim\nCOPY --from=b /root/.local /root/.local\nCMD ["gunicorn", "x:y"]\n')).toEqual([['not-on-path', '/root/.local', '/root/.local']]);
    expect(kinds('FROM python:3.12-slim\nCOPY --from=b /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\nCMD ["gunicorn", "x:y"]\n')).toEqual([]);
  });
});

describe('artifact compatibility', () => {
  it('knows when cgo is on', () => {
    const kinds = (run: string, runtime = 'alpine:3.20') =>
      incompatibleArtifacts(buildModel(`FROM golang:1.22 AS b\n${run}\nFROM ${runtime}\nCOPY --from=b /out/app /app\n`)).map((i) => i.kind);
    expect(kinds('RUN go build -o /out/app .')).toEqual(['go-libc']);
    expect(kinds('RUN CGO_ENABLED=0 go build -o /out/app .')).toEqual([]);
    expect(kinds('ENV CGO_ENABLED=0\nRUN go build -o /out/app .')).toEqual([]);
    expect(kinds('RUN go env -w CGO_ENABLED=0\nRUN go build -o /out/app .')).toEqual([]);
    expect(kinds('ARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /out/app .')).toEqual([]);
    expect(kinds('RUN go build -tags netgo -o /out/app .')).toEqual([]);
    expect(kinds('RUN go build -o /out/app .', 'debian:12-slim')).toEqual([]);
    expect(kinds('RUN go build -o /out/app .', 'scratch')).toEqual(['go-libc']);
  });

  it('compares Python versions and C libraries of node_modules', () => {
    const py = incompatibleArtifacts(buildModel('FROM python:3.11-slim AS b\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=b /venv /venv\n'));
    expect(py.map((i) => [i.kind, i.builderPython, i.targetPython])).toEqual([['python-version', '3.11', '3.12']]);
    const node = incompatibleArtifacts(buildModel('FROM node:20 AS b\nWORKDIR /app\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=b /app /app\n'));
    expect(node.map((i) => i.kind)).toEqual(['node-libc']);
  });
});

describe('COPY --from sources and health-check tools', () => {
  it('reports missing sources with their reason', () => {
    const m = buildModel('FROM rust:1.80 AS b\nWORKDIR /app\nRUN --mount=type=cache,target=/app/target cargo build\nFROM debian:12-slim\nCOPY --from=b /app/target/debug/app /app\nCOPY --from=b /out/x /x\nCOPY --from=b /nowhere/x /x\nCOPY --from=b /usr/local/cargo/bin/cargo /cargo\n');
    // `/nowhere` is not an application path and `/usr/local/cargo` a system one: never reported.
    expect(missingSources(m).map((s) => [s.path, s.status.reason, s.workdir])).toEqual([['/app/target/debug/app', 'discarded', '/app'], ['/out/x', 'never-created', '/app']]);
  });

  it('finds health-check tools the image lacks', () => {
    const tools = (text: string) => missingHealthTools(buildModel(text)).map((m) => m.tool);
    expect(tools('FROM debian:12-slim\nHEALTHCHECK CMD wget -q http://x/\n')).toEqual(['wget']);
    expect(tools('FROM alpine:3.20\nHEALTHCHECK CMD sh -c "curl -f http://x/"\n')).toEqual(['curl']);
    expect(tools('FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://x/\n')).toEqual([]);
  });
});

describe('envAt', () => {
  it('sees ENV through FROM <stage>, and stage ARGs (inherited by child stages, as in BuildKit) only for RUN', () => {
    const m = buildModel(df`
      FROM alpine AS a
      ENV HOME=/data
      ARG MODE=fast
      FROM a
      RUN true
    `);
    const s = m.stages[1]!;
    expect(envAt(m, s, 'HOME', undefined, true)?.value).toBe('/data');
    expect(envAt(m, m.stages[0]!, 'MODE')?.value).toBe('fast');
    expect(envAt(m, m.stages[0]!, 'MODE', undefined, true)).toBeUndefined();
    expect(envAt(m, s, 'MODE')).toMatchObject({ value: 'fast', kind: 'arg' });
    expect(envAt(m, s, 'MODE', undefined, true)).toBeUndefined();
  });
});
