import rule from '../../server/src/rules/prefer-cache-mount';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const final = 'FROM scratch\nCOPY --from=build /out /out\n';

ruleTester(rule, {
  valid: [
    { name: 'the final image is left to the size rules', code: 'FROM node:20\nRUN npm ci\n' },
    { name: 'already mounted', code: `FROM node:20 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci\n${final}` },
    { name: 'a mount on a parent directory', code: `FROM python:3.12 AS build\nRUN --mount=type=cache,target=/root/.cache pip install -r r.txt\n${final}` },
    { name: 'a mount on the root covers every cache directory', code: `FROM python:3.12 AS build\nRUN --mount=type=cache,target=/ pip install -r r.txt\n${final}` },
    { name: 'an unreachable stage is not built', code: 'FROM node:20 AS unused\nRUN npm ci\nFROM scratch\n' },
    { name: 'Go outside the golang image (GOPATH unknown)', code: `FROM alpine:3.20 AS build\nRUN go build ./...\n${final}` },
    { name: 'PIP_NO_CACHE_DIR on the command is deliberate', code: `FROM python:3.12 AS build\nRUN PIP_NO_CACHE_DIR=1 pip install x\n${final}` },
    { name: 'no download', code: `FROM node:20 AS build\nRUN npm run build\n${final}` },
    { name: 'mvn without a goal', code: `FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn --version\n${final}` },
  ],
  invalid: [
    {
      code: `FROM node:20 AS build\nWORKDIR /app\nRUN npm ci\n${final}`,
      errors: [{ messageId: 'mount', line: 3, column: 5, endColumn: 11, message: "'npm ci' downloads every package again whenever this builder step re-runs; a cache mount on /root/.npm keeps the downloads between builds" }],
      output: `FROM node:20 AS build\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n${final}`,
    },
    {
      name: 'pip: the option that disables the cache goes',
      code: `FROM python:3.12 AS build\nRUN pip install --no-cache-dir -r requirements.txt\n${final}`,
      errors: [{ messageId: 'mount', line: 2 }],
      output: `FROM python:3.12 AS build\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n${final}`,
    },
    {
      name: 'apt: two locked mounts; go on golang: two mounts',
      code: df`
        FROM golang:1.22 AS build
        RUN apt-get update && apt-get install -y --no-install-recommends git
        FROM golang:1.22 AS gobuild
        RUN go build -o /out/app ./cmd/app
        FROM scratch
        COPY --from=build /etc/ssl /etc/ssl
        COPY --from=gobuild /out/app /app
      `,
      errors: [
        { messageId: 'mount', line: 2, message: "'apt-get install' downloads every package again whenever this builder step re-runs; a cache mount on /var/cache/apt and /var/lib/apt/lists keeps the package lists and the downloads between builds" },
        // go build compiles: what it loses is the build cache, not only downloads.
        { messageId: 'mount', line: 4, message: "'go build' recompiles every package and fetches any missing module whenever this builder step re-runs; a cache mount on /go/pkg/mod and /root/.cache/go-build keeps the compiled packages and the modules between builds" },
      ],
      output: df`
        FROM golang:1.22 AS build
        RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y --no-install-recommends git
        FROM golang:1.22 AS gobuild
        RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /out/app ./cmd/app
        FROM scratch
        COPY --from=build /etc/ssl /etc/ssl
        COPY --from=gobuild /out/app /app
      `,
    },
    {
      name: 'a later step uses the same tool, or the stage runs as another user: no fix',
      code: df`
        FROM golang:1.22 AS build
        RUN go mod download
        RUN go build -o /out/app .
        FROM node:20 AS web
        USER node
        RUN npm ci
        FROM scratch
        COPY --from=build /out/app /app
        COPY --from=web /home/node /web
      `,
      errors: [
        { messageId: 'mount', line: 2, message: "'go mod download' downloads every module again whenever this builder step re-runs; a cache mount on /go/pkg/mod and /root/.cache/go-build keeps the modules between builds" },
        { messageId: 'mount', line: 3, message: "'go build' recompiles every package" },
        { messageId: 'mount', line: 6 },
      ],
      output: df`
        FROM golang:1.22 AS build
        RUN go mod download
        RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .
        FROM node:20 AS web
        USER node
        RUN npm ci
        FROM scratch
        COPY --from=build /out/app /app
        COPY --from=web /home/node /web
      `,
    },
    {
      name: 'a stage built FROM this one (two levels down) uses the tool later, or copies out of the cache: no fix',
      code: df`
        FROM node:20 AS deps
        RUN npm ci
        FROM deps AS mid
        RUN echo
        FROM mid AS test
        RUN npm ci --prefix t
        FROM python:3.12 AS py
        RUN pip install x
        FROM py AS pyuser
        RUN echo
        FROM alpine AS other
        RUN pip install y
        FROM scratch
        COPY --from=test /app /app
        COPY --from=pyuser /root/.cache/pip/wheels /wheels
        COPY --from=other /o /o
      `,
      errors: [
        { messageId: 'mount', line: 2 },
        { messageId: 'mount', line: 6 },
        { messageId: 'mount', line: 8 },
        { messageId: 'mount', line: 12 },
      ],
      output: df`
        FROM node:20 AS deps
        RUN npm ci
        FROM deps AS mid
        RUN echo
        FROM mid AS test
        RUN --mount=type=cache,target=/root/.npm npm ci --prefix t
        FROM python:3.12 AS py
        RUN pip install x
        FROM py AS pyuser
        RUN echo
        FROM alpine AS other
        RUN --mount=type=cache,target=/root/.cache/pip pip install y
        FROM scratch
        COPY --from=test /app /app
        COPY --from=pyuser /root/.cache/pip/wheels /wheels
        COPY --from=other /o /o
      `,
    },
    {
      name: 'apt that deletes its lists would empty the cache: no fix',
      code: `FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n${final}`,
      errors: [{ messageId: 'mount', line: 2 }],
      output: null,
    },
    {
      name: 'apt without its own update would lose the lists of the layer: no fix',
      code: `FROM debian:12 AS build\nRUN apt-get update\nRUN apt-get install -y gcc\n${final}`,
      errors: [{ messageId: 'mount', line: 3 }],
      output: null,
    },
  ],
});
