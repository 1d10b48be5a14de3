/** Realistic multi-stage Dockerfiles and a position finder shared by the feature tests. */
import type { Position } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { df } from '../support/dockerfile';

export const NODE_APP = df`
  # syntax=docker/dockerfile:1
  ARG NODE_VERSION=20
  ARG BASE=node:\${NODE_VERSION}-alpine

  FROM \${BASE} AS base
  WORKDIR /app
  ENV NODE_ENV=production

  FROM base AS deps
  COPY package.json package-lock.json ./
  RUN --mount=type=cache,target=/root/.npm npm ci

  FROM base AS build
  COPY --from=deps /app/node_modules ./node_modules
  COPY . .
  RUN npm run build

  # docker build --target test .
  FROM build AS test
  RUN npm test

  FROM golang:1.22 AS tools
  RUN go install example.com/tool@latest

  FROM base AS runtime
  USER node
  COPY --from=deps /app/node_modules ./node_modules
  COPY --from=2 /app/dist ./dist
  RUN --mount=type=bind,from=build,source=/app/package.json,target=/tmp/package.json \\
      cat /tmp/package.json
  EXPOSE 3000
  CMD ["node", "dist/server.js"]
`;

export const GO_APP = df`
  FROM golang:1.22-alpine
  WORKDIR /src
  COPY go.mod go.sum ./
  RUN go mod download
  COPY . .
  RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

  FROM gcr.io/distroless/static-debian12:nonroot
  COPY --from=0 /out/app /app
  ENTRYPOINT ["/app"]
`;

export function model(text: string, targets: readonly string[] = []): DockerfileModel {
  return buildModel(text, { uri: 'file:///work/Dockerfile', version: 1, targets });
}

/**
 * Position of the `nth` occurrence of `needle` (0-based), `offset` characters into it. Throws when missing, so
 * a changed fixture fails loudly instead of silently testing another place.
 */
export function at(text: string, needle: string, offset = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' #${nth} not in fixture`);
  }
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** The text a range covers. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]!.slice(0, range.end.character)].join('\n');
}
