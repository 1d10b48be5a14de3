import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { artifactFlows } from '../../server/src/analysis/flows';
import { pathStatus, stagePaths } from '../../server/src/analysis/producedPaths';
import { keptPackages } from '../../server/src/analysis/stagePackages';
import { df } from '../support/dockerfile';

function produced(text: string, stage = 0): string[] {
  const m = buildModel(text);
  return stagePaths(m, m.stages[stage]!).productions.map((p) => `${p.kind} ${p.path}${p.tree ? '/…' : ''}`);
}

function status(text: string, path: string, stage = 0, relative = false): string {
  const m = buildModel(text);
  const s = pathStatus(m, m.stages[stage]!, path, relative);
  return s.reason ? `${s.status}:${s.reason}` : s.status;
}

describe('paths each stage produces', () => {
  it('reads WORKDIR, COPY/ADD destinations and build outputs', () => {
    expect(produced(df`
      FROM golang:1.22
      WORKDIR /src
      COPY go.mod go.sum ./
      COPY . .
      RUN go build -o /out/server ./cmd/server
      RUN mkdir -p /data/cache && CGO_ENABLED=0 go build ./...
    `)).toEqual([
      'workdir /src', 'copy-dest /src/go.mod', 'copy-dest /src/go.sum', 'copy-dest /src/…',
      'mention /out/server/…', 'go-build /out/server', 'mention /data/cache/…', 'mkdir /data/cache', 'cwd /src/…',
    ]);
  });

  it('knows the conventions of package managers and build tools', () => {
    const kinds = (text: string) => produced(text).filter((p) => !p.startsWith('mention') && !p.startsWith('workdir') && !p.startsWith('cwd'));
    expect(kinds('FROM python:3.12\nRUN pip install --user -r req.txt\n')).toEqual(['pip-user /root/.local/…']);
    expect(kinds('FROM python:3.12\nRUN pip install --target=/deps flask\n')).toEqual(['pip-target /deps/…']);
    expect(kinds('FROM python:3.12\nRUN python -m venv /opt/venv\n')).toEqual(['venv /opt/venv/…']);
    expect(kinds('FROM node:20\nWORKDIR /app\nRUN npm ci\n')).toEqual(['node-modules /app/node_modules/…']);
    expect(kinds('FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nRUN mvn -B package\n')).toEqual(['maven /app/target/…', 'maven /root/.m2/…']);
    expect(kinds('FROM gradle:8\nWORKDIR /app\nRUN gradle build\n')).toEqual(['gradle /app/build/…']);
    expect(kinds('FROM rust:1.80\nWORKDIR /app\nRUN cargo build --release\n')).toEqual(['cargo /app/target/…']);
    expect(kinds('FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nRUN dotnet publish -c Release -o /app/publish\n')).toEqual(['dotnet-publish /app/publish/…']);
    expect(kinds('FROM alpine\nWORKDIR /w\nRUN cd sub && wget -O app.tgz https://x/y.tgz\n')).toEqual(['download /w/sub/app.tgz']);
  });

  it('reads heredoc RUN bodies', () => {
    expect(produced('FROM alpine\nRUN <<EOF\nmkdir -p /app/bin\nEOF\n')).toContain('mkdir /app/bin');
  });

  it('records mounts, whose writes are not kept', () => {
    const m = buildModel('FROM rust:1.80\nWORKDIR /app\nRUN --mount=type=cache,target=/app/target cargo build --release\n');
    const p = stagePaths(m, m.stages[0]!);
    expect(p.mounts.map((x) => `${x.type} ${x.target}`)).toEqual(['cache /app/target']);
    expect(p.productions.find((x) => x.kind === 'cargo')?.discarded).toEqual(['/app/target']);
  });
});

describe('pathStatus', () => {
  const builder = df`
    FROM node:20 AS build
    WORKDIR /usr/src/app
    COPY package.json ./
    RUN npm ci
    RUN npm run build
    FROM nginx:alpine
  `;

  it('finds paths created in the working directory of a build', () => {
    expect(status(builder, '/usr/src/app/dist')).toBe('produced');
    expect(status(builder, '/usr/src/app/node_modules')).toBe('produced');
  });

  it('is missing for an application path nothing creates', () => {
    expect(status(builder, '/app/dist')).toBe('missing:never-created');
    expect(status(builder, '/dist', 0, true)).toBe('missing:never-created');
    expect(status('FROM alpine\nWORKDIR /app\nCOPY a.txt .\n', '/app/build')).toBe('missing:never-created');
  });

  it('knows WORKDIR creates the directory and its parents', () => {
    expect(status('FROM alpine\nWORKDIR /app/data\n', '/app')).toBe('produced');
    expect(status('FROM alpine\nWORKDIR /app/data\n', '/app/data')).toBe('produced');
  });

  it('is missing when only a cache mount held the output', () => {
    const text = 'FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/app/target cargo build --release\n';
    expect(status(text, '/app/target/release/app')).toBe('missing:discarded');
    expect(status(text.replace('--release', '--release && cp target/release/app /app/app'), '/app/app')).toBe('produced');
  });

  it('never calls system paths, base-image paths or paths behind scripts missing', () => {
    expect(status(builder, '/usr/share/nginx/html')).toBe('unknown');
    expect(status('FROM node:20\n', '/home/node/x')).toBe('unknown');
    expect(status('FROM eclipse-temurin:21-jdk\n', '/opt/java/openjdk')).toBe('unknown');
    expect(status('FROM golang:1.22\n', '/go/bin/app', 0, true)).toBe('unknown');
    expect(status('FROM company/base\n', '/app/x')).toBe('unknown');
    expect(status('FROM alpine\nWORKDIR /src\nRUN ./build.sh\n', '/out/app')).toBe('unknown');
    expect(status('FROM alpine\nRUN make\n', '/app/x')).toBe('unknown');
    expect(status('FROM alpine\nARG OUT\nRUN go build -o $OUT\n', '/app/x')).toBe('unknown');
    expect(status('FROM alpine\nRUN make install PREFIX=/opt/tool\n', '/opt/tool/bin/x')).toBe('unknown');
  });

  it('inherits paths from parent stages (FROM builder AS test)', () => {
    expect(status('FROM alpine AS a\nWORKDIR /app\nRUN go build -o out\nFROM a AS b\nRUN true\n', '/app/out', 1)).toBe('produced');
  });
});

describe('artifact flows', () => {
  it('resolves sources from the source stage root and destinations against WORKDIR', () => {
    const m = buildModel(df`
      FROM maven AS build
      WORKDIR /app
      RUN mvn package
      FROM eclipse-temurin:21-jre
      WORKDIR /srv
      COPY --from=build --chown=app:app target/app.jar ./
      COPY --from=0 /app/lib lib
      COPY --from=alpine:3 /bin/busybox /bin/
    `);
    const flows = artifactFlows(m).map((f) => ({ from: f.from?.label, sources: f.sources.map((s) => `${s.path}${s.relative ? ' (relative)' : ''}`), dest: f.dest, chown: f.chown }));
    expect(flows).toEqual([
      { from: 'build', sources: ['/target/app.jar (relative)'], dest: '/srv/', chown: 'app:app' },
      { from: 'build', sources: ['/app/lib'], dest: '/srv/lib', chown: undefined },
      { from: undefined, sources: ['/bin/busybox'], dest: '/bin/', chown: undefined },
    ]);
  });
});

describe('kept packages', () => {
  it('honours removals in the same RUN and in later RUNs', () => {
    const m = buildModel(df`
      FROM alpine:3.19 AS base
      RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps
      RUN apk add --no-cache make git
      FROM base
      RUN apk del make
    `);
    expect(keptPackages(m, m.stages[1]!).map((p) => `${p.pkg.name}:${p.classification.class}`)).toEqual(['x:unknown', 'git:build-tool']);
    expect(keptPackages(m, m.stages[0]!).map((p) => p.pkg.name)).toEqual(['x', 'make', 'git']);
  });
});
