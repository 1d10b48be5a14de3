import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { baseFactsOf, chainInstructions, finalImageRuns, finalStages, inFinalImage, rootImageText, stageChain } from '../../server/src/analysis/finalImage';
import { defaultWorkdir, joinPath, workdirAt, workdirAtEnd } from '../../server/src/analysis/paths';
import { df } from '../support/dockerfile';

describe('final image', () => {
  const text = df`
    FROM golang:1.22 AS builder
    RUN go build -o /out/app .
    FROM builder AS test
    RUN go test ./...
    FROM alpine:3.19 AS base
    RUN apk add --no-cache ca-certificates
    FROM base
    COPY --from=builder /out/app /app
    ONBUILD RUN echo hi
  `;

  it('is the target and its FROM ancestry', () => {
    const m = buildModel(text);
    expect([...finalStages(m)].map((s) => s.label)).toEqual(['final stage on line 7', 'base']);
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => inFinalImage(m, r))).toEqual([false, false, true]);
    expect(inFinalImage(m, m.instructions.find((i) => i.keyword === 'ONBUILD')!)).toBe(false);
    expect(finalImageRuns(m)).toEqual([runs[2]]);
  });

  it('follows configured targets', () => {
    const m = buildModel(text, { targets: ['test'] });
    expect([...finalStages(m)].map((s) => s.label).sort()).toEqual(['base', 'builder', 'final stage on line 7', 'test']);
  });

  it('gives a FROM <stage> chain the facts of the image at its root', () => {
    const m = buildModel(text);
    const test = m.stageByName('test')!;
    expect(stageChain(test).map((s) => s.label)).toEqual(['test', 'builder']);
    expect(rootImageText(test)).toBe('golang:1.22');
    expect(baseFactsOf(m, test).repository).toBe('golang');
    expect(baseFactsOf(m, m.stages[3]!).family).toBe('alpine');
    expect(chainInstructions(test).map((i) => i.keyword)).toEqual(['RUN', 'RUN']);
  });

  it('is unknown for unresolved and cyclic bases', () => {
    const m = buildModel('ARG IMG\nFROM $IMG\nRUN x\n');
    expect(baseFactsOf(m, m.stages[0]!).known).toBe(false);
  });
});

describe('working directory', () => {
  it('resolves relative WORKDIRs, inherits through FROM <stage>, and knows golang works in /go', () => {
    const m = buildModel(df`
      FROM golang:1.22 AS b
      RUN pwd
      WORKDIR src
      ARG SUB=api
      WORKDIR $SUB
      RUN pwd
      FROM b AS c
      RUN pwd
      FROM node:20
      RUN pwd
      FROM private/image
      RUN pwd
    `);
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => workdirAt(m, r))).toEqual(['/go', '/go/src/api', '/go/src/api', '/', undefined]);
    expect(workdirAtEnd(m, m.stages[0]!)).toBe('/go/src/api');
    expect(defaultWorkdir(baseFactsOf(m, m.stages[3]!))).toBeUndefined();
  });

  it('joins paths like BuildKit', () => {
    expect(joinPath('/app', '../x/./y/')).toBe('/x/y');
    expect(joinPath('/app', '/abs')).toBe('/abs');
  });
});
