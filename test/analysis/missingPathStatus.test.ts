/**
 * `missingPathStatus` (what copy-from-existing-path asks) must answer exactly what `pathStatus` answers about
 * missing paths, although it stops at the first WORKDIR, COPY, ADD, ENV or ARG that settles the question and
 * leaves the RUNs of the chain unread; and the per-instruction facts it leaves behind must not change what
 * `stagePaths` lists afterwards. Checked on the corpus, on edited copies of it, on the generated benchmark
 * file and on hand-written cases of each way a path goes missing.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { artifactFlows } from '../../server/src/analysis/flows';
import type { DockerfileModel, Stage } from '../../server/src/analysis/model';
import { missingPathStatus } from '../../server/src/analysis/missingSources';
import { isApplicationPath, pathStatus, stagePaths, type PathStatus, type StagePaths } from '../../server/src/analysis/producedPaths';
// @ts-expect-error: a plain ES module without types
import { generateDockerfile } from '../../bench/lib/generate.mjs';
import { df } from '../support/dockerfile';
import { corpusTexts } from '../support/corpus';

const corpus = corpusTexts();

const FIXED = ['/app', '/app/dist', '/src', '/srv/app', '/opt/app', '/home/app/.local', '/out/app', '/build', '/workspace/target', '/usr/src/app/dist', '/go/bin/app', '/app/target/release/x', '/target/app.jar'];

/** Paths worth asking about in a file: fixed ones, the sources of its COPY --from, and around what it produces. */
function probes(model: DockerfileModel): string[] {
  const out = new Set(FIXED);
  for (const flow of artifactFlows(model)) for (const s of flow.sources) if (s.path !== undefined) out.add(s.path);
  // A separate model: asking for every stage's paths here would fill the caches of the model under test.
  const other = buildModel(model.document.getText());
  for (const stage of other.stages) {
    const paths = stagePaths(other, stage);
    for (const p of paths.productions) {
      out.add(p.path);
      out.add(`${p.path}/sub/file`);
      out.add(p.path.replace(/\/[^/]*$/, '') || '/');
    }
    for (const m of paths.mounts) out.add(`${m.target}/release/app`);
  }
  return [...out].filter((p) => p !== '/');
}

function describeStatus(s: PathStatus | undefined): string {
  if (!s) return 'not missing';
  return `${s.status}:${s.reason}:${s.mount ? `${s.mount.instr.index} ${s.mount.type} ${s.mount.target}` : ''}`;
}

function describePaths(p: StagePaths): string {
  const productions = p.productions.map((x) => `${x.instr.index} ${x.kind} ${x.path} ${x.tree} [${x.discarded.join(',')}] ${x.fromContext}`);
  const mounts = p.mounts.map((m) => `${m.instr.index} ${m.type} ${m.target}`);
  return [...productions, ...mounts, `opaque ${p.opaque?.instr.index}:${p.opaque?.reason}`].join('\n');
}

/** Every disagreement between the lazy and the full answer in `text`, as readable lines (none expected). */
function disagreements(text: string): string[] {
  const lazy = buildModel(text);
  const full = buildModel(text);
  // Every other stage read whole beforehand (by another query): lookups then mix both kinds of cached facts.
  const warm = buildModel(text);
  warm.stages.forEach((stage, i) => i % 2 === 0 && stagePaths(warm, stage));
  const out: string[] = [];
  const paths = probes(lazy);
  lazy.stages.forEach((stage: Stage, i) => {
    for (const path of paths) {
      // Written relative only changes which paths count as application paths.
      for (const relative of isApplicationPath(path, false) === isApplicationPath(path, true) ? [false] : [false, true]) {
        const status = pathStatus(full, full.stages[i]!, path, relative);
        const want = describeStatus(status.status === 'missing' ? status : undefined);
        const got = describeStatus(missingPathStatus(lazy, stage, path, relative));
        if (got !== want) out.push(`stage ${i} ${path}${relative ? ' (relative)' : ''}: ${got}, pathStatus says ${want}`);
        const gotWarm = describeStatus(missingPathStatus(warm, warm.stages[i]!, path, relative));
        if (gotWarm !== want) out.push(`stage ${i} ${path}${relative ? ' (relative)' : ''}, partly read: ${gotWarm}, pathStatus says ${want}`);
      }
    }
  });
  // The facts left behind by the lazy lookups list the same productions as a model that never saw them.
  const fresh = buildModel(text);
  lazy.stages.forEach((stage, i) => {
    const want = describePaths(stagePaths(fresh, fresh.stages[i]!));
    if (describePaths(stagePaths(lazy, stage)) !== want) out.push(`stage ${i}: stagePaths differ`);
    if (describePaths(stagePaths(warm, warm.stages[i]!)) !== want) out.push(`stage ${i}: stagePaths differ, partly read`);
  });
  return out;
}

/** Edited copies: another working directory, other application roots, a line taken out. */
function edits(text: string): string[] {
  const lines = text.split('\n');
  const fromLine = lines.findIndex((l, i) => i > 0 && /^\s*(WORKDIR|ENV|COPY|RUN)\b/i.test(l));
  return [
    text.replace(/WORKDIR \/app/g, 'WORKDIR /srv/app'),
    text.replace(/\/app\b/g, '/application'),
    text.replace(/--mount=type=cache,/g, ''),
    fromLine < 0 ? text : [...lines.slice(0, fromLine), ...lines.slice(fromLine + 1)].join('\n'),
  ].filter((t) => t !== text);
}

describe('missingPathStatus agrees with pathStatus', () => {
  it('on every file of the corpus', () => {
    const found = corpus.flatMap((text, i) => disagreements(text).map((d) => `corpus #${i}: ${d}`));
    expect(found).toEqual([]);
  });

  it('on edited copies of the corpus (its multi-stage files)', () => {
    const multiStage = corpus.filter((text) => buildModel(text).stages.length > 1);
    expect(multiStage.length).toBeGreaterThan(50);
    const found = multiStage.flatMap((text, i) => edits(text).flatMap((t) => disagreements(t).map((d) => `multi-stage corpus file #${i} edited: ${d}`)));
    expect(found).toEqual([]);
  });

  it('on the generated multi-stage benchmark file', () => {
    expect(disagreements(generateDockerfile(600, 3))).toEqual([]);
  });

  it('on each way a path goes missing or stays unknown', () => {
    const cases = [
      // Written under a cache mount, with the sources copied from the context.
      df`
        FROM rust:1.80 AS build
        WORKDIR /app
        COPY . .
        RUN --mount=type=cache,target=/app/target cargo build --release
        FROM debian:12-slim
        COPY --from=build /app/target/release/app /usr/local/bin/app
      `,
      // Nothing creates it; a relative source read from the root.
      df`
        FROM node:20 AS build
        WORKDIR /usr/src/app
        COPY package.json ./
        RUN npm ci && npm run build
        FROM nginx:alpine
        COPY --from=build /app/dist /usr/share/nginx/html
        COPY --from=build dist /usr/share/nginx/html
      `,
      // A script from the context: absence is unknowable.
      df`
        FROM debian:12 AS build
        COPY build.sh /
        RUN /build.sh
        FROM debian:12
        COPY --from=build /out/app /app
      `,
      // Inherited through FROM <stage>, and an ENV that names the path.
      df`
        FROM python:3.12-slim AS base
        ENV VENV=/opt/venv
        FROM base AS build
        RUN mkdir -p /app/bin
        FROM debian:12-slim
        COPY --from=build /opt/venv /opt/venv
        COPY --from=build /app/bin /app/bin
        COPY --from=build /opt/other /opt/other
      `,
      // Only the expanded value of an ENV names the path.
      df`
        FROM debian:12-slim AS build
        ARG NAME=app
        ENV APP_HOME=/opt/$NAME PORT=8080
        FROM debian:12-slim
        COPY --from=build /opt/app/bin /usr/local/bin
        COPY --from=build /opt/other /opt/other
      `,
    ];
    for (const text of cases) expect(disagreements(text)).toEqual([]);
    // And the cases do reach each answer.
    const m = buildModel(cases[0]!);
    expect(describeStatus(missingPathStatus(m, m.stages[0]!, '/app/target/release/app'))).toBe('missing:discarded:3 cache /app/target');
    const n = buildModel(cases[1]!);
    expect(describeStatus(missingPathStatus(n, n.stages[0]!, '/app/dist'))).toBe('missing:never-created:');
    expect(missingPathStatus(n, n.stages[0]!, '/usr/src/app/dist')).toBeUndefined();
    const o = buildModel(cases[2]!);
    expect(missingPathStatus(o, o.stages[0]!, '/out/app')).toBeUndefined();
    const p = buildModel(cases[3]!);
    expect(missingPathStatus(p, p.stages[1]!, '/opt/venv')).toBeUndefined();
    expect(missingPathStatus(p, p.stages[1]!, '/app/bin')).toBeUndefined();
    expect(describeStatus(missingPathStatus(p, p.stages[1]!, '/opt/other'))).toBe('missing:never-created:');
    const q = buildModel(cases[4]!);
    expect(missingPathStatus(q, q.stages[0]!, '/opt/app/bin')).toBeUndefined();
    expect(describeStatus(missingPathStatus(q, q.stages[0]!, '/opt/other'))).toBe('missing:never-created:');
  });
});
