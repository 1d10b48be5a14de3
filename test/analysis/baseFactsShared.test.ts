/**
 * `baseFactsOf` describes each root image text once (the facts are shared by every model) and hands the same facts
 * to every stage built on it: the facts must still be exactly what describing that stage's root image gives, for
 * every stage of the corpus and of the generated benchmark file (many stages, a few base images).
 */
import { describe, expect, it } from 'vitest';
import { describeImageText } from '../../server/src/analysis/baseImages';
import { buildModel } from '../../server/src/analysis/buildModel';
import { baseFactsOf, rootImageText, rootStage } from '../../server/src/analysis/finalImage';
import type { DockerfileModel } from '../../server/src/analysis/model';
// @ts-expect-error: a plain ES module without types
import { generateDockerfile } from '../../bench/lib/generate.mjs';
import { corpusTexts } from '../support/corpus';
import { df } from '../support/dockerfile';

/** What describing each stage's own root image gives, without the per-model memo. */
function expectedFacts(model: DockerfileModel) {
  return model.stages.map((stage) => {
    const root = rootStage(stage);
    return describeImageText((root.base.kind === 'stage' ? undefined : rootImageText(stage)) ?? '$unknown');
  });
}

function checkModel(text: string): void {
  const expected = expectedFacts(buildModel(text));
  const model = buildModel(text);
  expect(model.stages.map((s) => baseFactsOf(model, s))).toEqual(expected);
}

describe('base-image facts shared by image text', () => {
  it('agree with describing each stage on its own (corpus)', () => {
    for (const text of corpusTexts()) checkModel(text);
  });

  it('agree on the generated benchmark file, where a hundred stages share six images', () => {
    const text = generateDockerfile(2000) as string;
    checkModel(text);
    const model = buildModel(text);
    const distinct = new Set(model.stages.map((s) => baseFactsOf(model, s)));
    expect(distinct.size).toBeLessThanOrEqual(7);
  });

  it('are one object for stages on the same image and differ for different images, unresolved and cycles', () => {
    const m = buildModel(df`
      ARG IMG
      FROM node:20 AS a
      FROM node:20 AS b
      FROM a AS c
      FROM alpine:3.19 AS d
      FROM $IMG AS e
      FROM f AS g
      FROM g AS f
    `);
    const [a, b, c, d, e, g, f] = m.stages.map((s) => baseFactsOf(m, s));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a!.repository).toBe('node');
    expect(d!.family).toBe('alpine');
    expect(e!.known).toBe(false);
    expect(g!.known).toBe(false);
    expect(f!.known).toBe(false);
  });
});
