import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { inferStageRole } from '../../server/src/analysis/stageRole';
import { df } from '../support/dockerfile';

function roles(text: string, targets: string[] = []): string[] {
  const m = buildModel(text, { targets });
  return m.stages.map((s) => `${s.label}=${inferStageRole(m, s)}`);
}

describe('inferStageRole', () => {
  it('reads behaviour when names say nothing', () => {
    expect(roles(df`
      FROM node:20 AS s1
      RUN npm ci
      FROM node:20 AS s2
      COPY --from=s1 /app/node_modules ./node_modules
      RUN npm run build
      FROM node:20 AS s3
      COPY --from=s2 /app/dist ./dist
      RUN npm test
      FROM node:20-slim AS s4
      CMD ["node"]
      FROM alpine AS s5
      FROM s5 AS s6
      COPY --from=s2 /app/dist ./dist
    `)).toEqual(['s1=dependencies', 's2=builder', 's3=test', 's4=runtime', 's5=base', 's6=final']);
  });

  it('lets names that state the role win, except for targets', () => {
    expect(roles(df`
      FROM golang AS deps
      RUN go mod download
      FROM golang AS lint
      FROM golang AS builder
      COPY --from=deps /go /go
      FROM alpine AS base
      FROM alpine AS prod
      COPY --from=builder /app /app
      FROM alpine AS test
    `, ['prod'])).toEqual(['deps=dependencies', 'lint=test', 'builder=builder', 'base=base', 'prod=final', 'test=final']);
  });

  it('falls back to a plain stage', () => {
    expect(roles('FROM alpine AS x\nRUN echo\nFROM alpine\n')).toEqual(['x=stage', 'final stage on line 3=final']);
  });
});
