/** References through variables: which stages they may name, and what the build targets may therefore reach. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { possiblyReachableStages, stagesMatchingPattern } from '../../server/src/analysis/dynamicRefs';
import { df } from '../support/dockerfile';

const labels = (stages: Iterable<{ label: string }>) => [...stages].map((s) => s.label).sort();

describe('possiblyReachableStages', () => {
  it('counts a variable reference as reaching every stage its pattern may name', () => {
    const m = buildModel('ARG V=a\nFROM alpine AS build-a\nFROM alpine AS build-b\nFROM alpine AS other\nFROM alpine\nCOPY --from=build-${V} /x /x\n');
    expect(labels(stagesMatchingPattern(m, 'build-${V}'))).toEqual(['build-a', 'build-b']);
    expect(labels(possiblyReachableStages(m))).toEqual(['build-a', 'build-b', 'final stage on line 5']);
  });

  it('lets a FROM with a variable name only earlier stages, as BuildKit resolves FROM', () => {
    const m = buildModel(df`
      ARG BASE=node:20-alpine
      FROM \${BASE} AS base
      FROM golang:1.22 AS tools
      FROM base AS runtime
    `);
    // `FROM ${BASE}` is the first FROM: whatever --build-arg says, it names an image, never `tools` or `runtime`.
    expect(labels(possiblyReachableStages(m))).toEqual(['base', 'runtime']);
    const later = buildModel('ARG BASE=alpine\nFROM alpine AS tools\nFROM ${BASE} AS app\n');
    expect(labels(possiblyReachableStages(later))).toEqual(['app', 'tools']);
  });
});
