import { describe, expect, it } from 'vitest';
import type { ImageFacts } from '../../server/src/analysis/baseImageTypes';
import { hover, type HoverOptions } from '../../server/src/features/hover';
import { stageHoverMarkdown } from '../../server/src/features/stageHover';
import { stageKnowledge } from '../../server/src/features/stageKnowledge';
import { df } from '../support/dockerfile';
import { GO_APP, NODE_APP, at, model, textAt } from './fixtures';

const FULL: HoverOptions = { referenceDocs: true, peerActive: false };

function hoverText(text: string, needle: string, offset = 0, options: HoverOptions = FULL, nth = 0): string {
  const h = hover(model(text), at(text, needle, offset, nth), options);
  if (!h) return '';
  return (h.contents as { value: string }).value;
}

function card(text: string, stageName: string): string {
  const m = model(text);
  return stageHoverMarkdown(m, m.stageByName(stageName)!);
}

/** Decodes the `command:` links of a card into [label, command, args]. */
function links(markdown: string): { label: string; command: string; args: unknown }[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^ )]+)/g)].map((m) => ({
    label: m[1]!,
    command: m[2]!,
    args: JSON.parse(decodeURIComponent(m[3]!)),
  }));
}

describe('stage card per role', () => {
  it('base: built on by three stages, reached through FROM', () => {
    const md = card(NODE_APP, 'base');
    // The name says the role: it is not repeated ("Stage `base` · base").
    expect(md).toContain('**Stage `base`** — a common starting point');
    expect(md).toContain('**Base** `${BASE}` = `node:20-alpine`');
    expect(md).toMatch(/\[`deps`\][^\n]*\(FROM, line 9\) builds on it/);
    expect(md).toMatch(/\[`runtime`\][^\n]*\(FROM, line 25\) builds on it/);
    expect(md).toContain('**Target** ✓ reached');
    expect(md).toContain('`/app` (line 6)');
    expect(md).toContain('docker build --target base .');
  });

  it('dependencies: who copies what out of it', () => {
    const md = card(NODE_APP, 'deps');
    expect(md).toContain('· dependencies —');
    expect(md).toMatch(/\[`build`\][^\n]*\(COPY --from, line 14\) `\/app\/node_modules` → `\.\/node_modules`/);
    expect(md).toMatch(/\[`runtime`\][^\n]*\(COPY --from, line 27\)/);
    expect(md).toContain('**Chain** [`deps`]');
    expect(md).toContain('`/app` (line 6, inherited from stage \'base\')');
  });

  it('builder: takes from deps, used by numeric COPY --from and by a mount', () => {
    const md = card(NODE_APP, 'build');
    expect(md).toContain('**Stage `build`** · builder —');
    expect(md).toMatch(/- from \[`deps`\][^\n]*\(COPY --from, line 14\) `\/app\/node_modules`/);
    expect(md).toMatch(/\[`runtime`\][^\n]*\(COPY --from as `2`, line 28\) `\/app\/dist` → `\.\/dist`/);
    expect(md).toMatch(/\[`runtime`\][^\n]*\(RUN --mount, line 29\) `\/app\/package.json` → `\/tmp\/package.json`/);
    expect(md).toMatch(/\[`test`\][^\n]*\(FROM, line 19\) builds on it/);
  });

  it('test: not used by the target, a separate target (as no-unreachable-stage sees it)', () => {
    const md = card(NODE_APP, 'test');
    expect(md).toContain('**Stage `test`** — runs tests or checks');
    expect(md).toMatch(/\*\*Target\*\* not used by \[`runtime`\]\([^\n]*\): a separate target, built on its own with `docker build --target test`/);
    expect(md).not.toContain('⚠');
    expect(md).toContain('**Used by** no other stage');
    expect(md).toContain('docker build --target test .');
  });

  it('tools: dead code, not reached by the target', () => {
    expect(card(NODE_APP, 'tools')).toContain('**Target** ⚠ not reached by [`runtime`]');
  });

  it('final: user, ports, everything it takes', () => {
    const md = card(NODE_APP, 'runtime');
    expect(md).toContain('· final image —');
    expect(md).toContain('**Runs as** `node` (line 26)');
    expect(md).toContain('**Exposes** `3000`');
    expect(md).toContain('this is the default build target');
    // A list must be followed by a blank line, or the next paragraph joins its last item.
    expect(md).toMatch(/\/tmp\/package.json`\n\n\*\*Used by\*\*/);
  });

  it('a configured target is final and makes its dependencies reachable', () => {
    const m = model(NODE_APP, ['test']);
    const md = stageHoverMarkdown(m, m.stageByName('test')!);
    expect(md).toContain('· final image —');
    expect(md).toContain('a configured build target');
  });

  it('unnamed stages: no --target command, a hint to name it instead', () => {
    const m = model(GO_APP);
    const md = stageHoverMarkdown(m, m.stages[0]!);
    expect(md).toContain('**Stage 0 on line 1** · builder');
    // The last stage, unnamed, is the final stage; other stages link to it by that label, as text (it is no name).
    const final = stageHoverMarkdown(m, m.stages[1]!);
    expect(final).toContain('**Final stage on line 8** · final image');
    expect(md).toContain('- [final stage on line 8](command:');
    expect(md).not.toContain('#1');
    expect(md).toContain('Name this stage');
    expect(md).not.toContain('docker build --target');
    expect(stageHoverMarkdown(m, m.stages[1]!)).toContain('docker build .');
  });

  it('runtime role for a non-target stage with a CMD, user inherited through FROM', () => {
    const text = df`
      FROM debian:12-slim AS prod
      USER app
      CMD ["run"]
      FROM prod AS debug
      RUN echo debug
    `;
    const m = model(text);
    expect(stageHoverMarkdown(m, m.stageByName('prod')!)).toContain('· runtime —');
    expect(stageHoverMarkdown(m, m.stageByName('debug')!)).toContain('**Runs as** `app` (line 2, inherited from stage \'prod\')');
  });

  it('uses image facts and build-only packages when those models are supplied', () => {
    const facts = { known: true, repository: 'golang', family: 'alpine', libc: 'musl', variant: 'sdk', language: { name: 'go', version: '1.22' }, runtimeAlternative: 'alpine:3.19', defaultUser: 'root' } as unknown as ImageFacts;
    const m = model(GO_APP);
    const md = stageHoverMarkdown(m, m.stages[0]!, { describeImage: (ref) => (ref.startsWith('golang') ? facts : undefined), buildOnlyPackages: () => ['gcc', 'musl-dev'] });
    // A builder stage never ships, so no runtime image is suggested for it.
    expect(md).toContain('**Base** `golang:1.22-alpine` — go 1.22, SDK/build image, alpine/musl\n');
    expect(md).not.toContain('ship `alpine:3.19`');
    expect(md).toContain('**Build-only packages** `gcc`, `musl-dev` — only in this build stage');
    expect(md).toContain('`root` (the base image\'s default)');
  });

  it('suggests a runtime image only for stages whose layers ship (the target and its FROM ancestry)', () => {
    const facts = { known: true, repository: 'golang', family: 'debian', libc: 'glibc', variant: 'sdk', language: { name: 'go', version: '1.22' }, runtimeAlternative: 'gcr.io/distroless/static-debian12', defaultUser: 'root' } as unknown as ImageFacts;
    const sources = { describeImage: (ref: string) => (ref.startsWith('golang') ? facts : undefined) };
    const text = df`
      FROM golang:1.22 AS builder
      RUN go build -o /out/app .
      FROM golang:1.22 AS base
      FROM base
      COPY --from=builder /out/app /app
    `;
    const m = model(text);
    const ship = '(ship `gcr.io/distroless/static-debian12` instead)';
    expect(stageHoverMarkdown(m, m.stageByName('builder')!, sources)).not.toContain(ship);
    expect(stageHoverMarkdown(m, m.stageByName('base')!, sources)).toContain(ship);
    // The name equals the role: said once.
    expect(stageHoverMarkdown(m, m.stageByName('builder')!, sources)).toContain('**Stage `builder`** — compiles or bundles build output');
  });

  it('links jump to the related stage and build it', () => {
    const md = card(NODE_APP, 'deps');
    const all = links(md);
    const toBuild = all.find((l) => l.label === '`build`')!;
    expect(toBuild.command).toBe('stagelint.revealRange');
    const [uri, range] = toBuild.args as [string, { start: { line: number } }];
    expect(uri).toBe('file:///work/Dockerfile');
    expect(textAt(NODE_APP, range as never)).toBe('build');
    const build = all.find((l) => l.command === 'stagelint.buildStage')!;
    expect(build.args).toEqual([{ uri: 'file:///work/Dockerfile', stage: 'deps', index: 1 }]);
  });
});

describe('hover dispatch', () => {
  it('shows the stage card on every reference kind', () => {
    expect(hoverText(NODE_APP, 'FROM base AS deps', 6)).toContain('**Stage `base`**');
    expect(hoverText(NODE_APP, '--from=deps', 8)).toContain('**Stage `deps`**');
    expect(hoverText(NODE_APP, '--from=2', 7)).toContain('**Stage `build`**');
    expect(hoverText(NODE_APP, 'from=build', 6)).toContain('**Stage `build`**');
    expect(hoverText(NODE_APP, '--target test', 10)).toContain('**Stage `test`**');
    expect(hoverText(NODE_APP, 'AS runtime', 5)).toContain('**Stage `runtime`**');
    // The image part of a FROM line describes the stage it starts.
    expect(hoverText(NODE_APP, 'golang:1.22', 2)).toContain('**Stage `tools`**');
  });

  it('shows reference cards for keywords, flags and mount keys', () => {
    expect(hoverText(NODE_APP, 'RUN npm test', 1)).toContain('**`RUN`**');
    expect(hoverText(NODE_APP, '--mount=type=cache', 3)).toContain('RUN --mount');
    expect(hoverText(NODE_APP, 'type=cache', 7)).toContain('**`RUN --mount=type=cache`**');
    expect(hoverText(NODE_APP, 'target=/root/.npm', 2)).toMatch(/target/i);
  });

  it('leaves keyword cards to another active Dockerfile server, and all reference cards in stagesOnly', () => {
    expect(hoverText(NODE_APP, 'RUN npm test', 1, { referenceDocs: true, peerActive: true })).toBe('');
    expect(hoverText(NODE_APP, '--mount=type=cache', 3, { referenceDocs: true, peerActive: true })).toContain('RUN --mount');
    expect(hoverText(NODE_APP, 'RUN npm test', 1, { referenceDocs: false, peerActive: false })).toBe('');
    expect(hoverText(NODE_APP, '--from=deps', 8, { referenceDocs: false, peerActive: false })).toContain('**Stage `deps`**');
  });

  it('explains rule ids inside ignore comments', () => {
    const text = df`
      FROM alpine AS a
      # stagelint-ignore no-duplicate-stage-name, no-such-rule -- two variants on purpose
      FROM alpine AS a
    `;
    expect(hoverText(text, 'no-duplicate-stage-name', 3)).toContain('**`no-duplicate-stage-name`**');
    expect(hoverText(text, 'no-such-rule', 3)).toContain('Unknown stagelint rule `no-such-rule`');
    expect(hoverText(text, 'two variants', 1)).toBe('');
  });

  it('lists the rules a peer pragma silences, as linting applies them (BuildKit `skip=all` included)', () => {
    const text = df`
      # check=skip=all
      FROM alpine
      # hadolint ignore=DL3006,DL9999
      RUN true
    `;
    const all = hoverText(text, 'all', 1);
    expect(all).toContain('also suppresses these stagelint rules');
    expect(all).toContain('`consistent-instruction-casing`');
    expect(hoverText(text, 'DL9999', 1)).toContain('no stagelint rule matches it');
  });
});

describe('stage card with the image and package models', () => {
  it('describes the base image and lists build-only packages, and where they end up', () => {
    const text = df`
      FROM golang:1.22-alpine AS build
      RUN apk add --no-cache gcc musl-dev git ca-certificates
      RUN go build -o /out/app .
      FROM python:3.12 AS final
      RUN apt-get update && apt-get install -y build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
      COPY --from=build /out/app /app
    `;
    const m = model(text);
    const build = stageHoverMarkdown(m, m.stageByName('build')!, stageKnowledge);
    expect(build).toMatch(/\*\*Base\*\* `golang:1\.22-alpine` — go[^\n]*SDK\/build image/);
    expect(build).toMatch(/\*\*Build-only packages\*\* `gcc`, `musl-dev`[^\n]* — only in this build stage/);
    expect(build).not.toContain('`ca-certificates`');
    const final = stageHoverMarkdown(m, m.stageByName('final')!, stageKnowledge);
    expect(final).toMatch(/\*\*Build-only packages\*\* [^\n]*`build-essential`[^\n]* — they end up in the final image/);
  });
});
