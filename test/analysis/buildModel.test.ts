// The model parses with dockerfile-ast's Parser class (see astParser.ts), so a failing parse is simulated there.
import { Parser } from 'dockerfile-ast/lib/parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel, Stage } from '../../server/src/analysis/model';
import { df } from '../support/dockerfile';

/** Compact text rendering of the stage graph: one line per stage (its name or `#<index>`), then its incoming references. */
function renderGraph(model: DockerfileModel): string {
  const id = (s: Stage) => s.name?.text ?? `#${s.index}`;
  return model.stages
    .map((s) => {
      const base = s.base.kind === 'stage' ? `FROM ${id(s.base.stage)}` : s.base.kind === 'image' ? `${s.base.resolved ?? s.base.text}` : s.base.kind;
      const used = model.referencesTo(s).map((e) => `${id(e.source)} via ${e.kind}${e.by === 'index' ? '[index]' : ''}${e.forward ? ' (forward)' : ''}${e.onbuild ? ' (onbuild)' : ''}`);
      const flags = [model.isReachable(s) ? '' : 'unreachable', model.targets.includes(s) ? 'target' : ''].filter(Boolean);
      return `#${s.index} ${s.name?.text ?? '-'} (${base})${used.length ? ` ← used by ${used.join(', ')}` : ''}${flags.length ? ` [${flags.join(', ')}]` : ''}`;
    })
    .join('\n');
}

describe('buildModel: stages and references with BuildKit semantics', () => {
  it('renders a typical multi-stage graph', () => {
    const model = buildModel(df`
      ARG GO=1.22
      FROM golang:\${GO} AS Build
      RUN go build -o /app .
      FROM build AS test
      RUN go test ./...
      FROM node:20 AS assets
      RUN npm run build
      FROM alpine
      COPY --from=BUILD /app /app
      COPY --from=2 /dist /dist
      RUN --mount=type=cache,target=/c --mount=from=build,source=/src,target=/src true
    `);
    expect(renderGraph(model)).toMatchInlineSnapshot(`
      "#0 Build (golang:1.22) ← used by test via from, #3 via copy-from, #3 via mount-from
      #1 test (FROM Build) [unreachable]
      #2 assets (node:20) ← used by #3 via copy-from[index]
      #3 - (alpine) [target]"
    `);
  });

  const cases: { name: string; text: string; graph: string }[] = [
    {
      name: 'FROM resolves against earlier stages only; a later name is an image',
      text: 'FROM builder AS app\nFROM golang AS builder\n',
      graph: '#0 app (builder) [unreachable]\n#1 builder (golang) [target]',
    },
    {
      name: 'COPY --from may point forward; names are case-insensitive',
      text: 'FROM alpine AS a\nCOPY --from=B /x /x\nFROM alpine AS b\nFROM a\n',
      graph: '#0 a (alpine) ← used by #2 via from\n#1 b (alpine) ← used by a via copy-from (forward)\n#2 - (FROM a) [target]',
    },
    {
      name: 'ONBUILD references are recorded but do not make a stage reachable',
      text: 'FROM alpine AS lib\nFROM alpine\nONBUILD COPY --from=lib /x /x\n',
      graph: '#0 lib (alpine) ← used by #1 via copy-from (onbuild) [unreachable]\n#1 - (alpine) [target]',
    },
    {
      name: 'global ARG in FROM expanding to a stage name (quotes removed)',
      text: 'ARG BASE="base"\nFROM alpine AS base\nFROM ${BASE}\n',
      graph: '#0 base (alpine) ← used by #1 via from\n#1 - (FROM base) [target]',
    },
    {
      name: 'a default derived from a build-time value stays unresolved',
      text: 'ARG V=${TARGETARCH#amd}\nFROM img-${V}\n',
      graph: '#0 - (img-${V}) [target]',
    },
    {
      name: 'heredocs do not hide the following stage',
      text: 'FROM alpine AS a\nRUN <<EOF\nFROM nothing\nEOF\nFROM alpine\nCOPY --from=a /x /x\n',
      graph: '#0 a (alpine) ← used by #1 via copy-from\n#1 - (alpine) [target]',
    },
    {
      name: 'backtick escape directive joins continuation lines',
      text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nRUN echo `\n  done\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=build C:\\app C:\\app\n',
      graph: '#0 build (mcr.microsoft.com/windows/servercore:ltsc2022) ← used by #1 via copy-from\n#1 - (mcr.microsoft.com/windows/nanoserver:ltsc2022) [target]',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(renderGraph(buildModel(c.text))).toBe(c.graph));
  }

  it('config targets add build targets and reachability', () => {
    const model = buildModel('FROM alpine AS dev\nFROM alpine AS assets\nFROM alpine\n', { targets: ['ASSETS', 'missing'] });
    expect(model.targets.map((s) => s.label)).toEqual(['final stage on line 3', 'assets']);
    expect(model.stages.map((s) => model.isReachable(s))).toEqual([false, true, true]);
  });

  it('labels stages for users: the name, else the index and line, and the last unnamed stage as the final stage', () => {
    const model = buildModel(df`
      # syntax=docker/dockerfile:1
      FROM golang:1.22
      RUN go build -o /out/app .
      FROM alpine AS tools

      FROM scratch
      COPY --from=0 /out/app /app
      FROM alpine
      COPY --from=2 /app /app
    `);
    expect(model.stages.map((s) => s.label)).toEqual(['stage 0 on line 2', 'tools', 'stage 2 on line 6', 'final stage on line 8']);
    expect(buildModel('FROM alpine AS Runtime\n').stages[0]!.label).toBe('Runtime');
  });

  it('finds cycles, including a stage that copies from itself', () => {
    const model = buildModel('FROM alpine AS a\nCOPY --from=c /x /x\nFROM a AS b\nFROM b AS c\nFROM alpine AS d\nCOPY --from=d /y /y\n');
    expect(model.cycles.map((cycle) => cycle.map((s) => s.label).join('→'))).toEqual(['a→c→b', 'd']);
  });

  it('numeric --from is an index; out of range has no target', () => {
    const model = buildModel('FROM alpine\nFROM alpine\nCOPY --from=0 /a /a\nCOPY --from=7 /b /b\n');
    expect(model.edges.filter((e) => e.kind === 'copy-from').map((e) => [e.by, e.target?.index])).toEqual([['index', 0], ['index', undefined]]);
  });

  it('records exact ranges for every reference', () => {
    const text = 'FROM alpine AS a\nFROM a\nCOPY --from=a /x /x\nRUN --mount=type=bind,from=a,target=/a true\n';
    const model = buildModel(text);
    expect(model.edges.filter((e) => e.target).map((e) => `${e.kind}:${model.textOf(e.range)}@${e.range.start.line}:${e.range.start.character}`)).toEqual([
      'from:a@1:5',
      'copy-from:a@2:12',
      'mount-from:a@3:27',
    ]);
  });

  it('variable --from is neither a stage nor an image', () => {
    const model = buildModel('ARG S=a\nFROM alpine AS a\nFROM alpine\nCOPY --from=${S} /x /x\n');
    expect(model.edges.find((e) => e.kind === 'copy-from')?.by).toBe('variable');
  });
});

describe('buildModel: suppression index', () => {
  const text = df`
    # check=skip=StageNameCasing,FromAsCasing
    # stagelint-ignore-file no-latest-tag -- pinned elsewhere
    FROM alpine AS base
    # stagelint-ignore no-inline-comment, global-arg-scope -- legacy
    RUN a \\
      b
    # hadolint ignore=DL3006
    FROM base
    # stagelint-ignore-stage no-root-final-stage -- base drops privileges
    RUN c
    USER app
  `;
  const model = buildModel(text);
  const rows = model.suppressions.all.map((s) => `${s.kind}/${s.scope} ${s.ids.map((i) => i.id).join(',')} lines ${s.coversFrom}-${s.coversTo === Number.MAX_SAFE_INTEGER ? 'end' : s.coversTo}${s.reason ? ` (${s.reason})` : ''}`);
  it('indexes our comments, hadolint pragmas and check=skip with their coverage', () => {
    expect(rows).toEqual([
      'buildkit/file StageNameCasing,FromAsCasing lines 0-end',
      'stagelint/file no-latest-tag lines 0-end (pinned elsewhere)',
      'stagelint/instruction no-inline-comment,global-arg-scope lines 4-5 (legacy)',
      'hadolint/instruction DL3006 lines 7-7',
      'stagelint/stage no-root-final-stage lines 7-10 (base drops privileges)',
    ]);
  });
});

describe('buildModel: a parser that throws', () => {
  afterEach(() => vi.restoreAllMocks());
  it('returns an empty model with parseError instead of throwing', () => {
    vi.spyOn(Parser.prototype, 'parse').mockImplementation(() => {
      throw new Error('simulated parser failure');
    });
    const model = buildModel('FROM alpine\n');
    expect(model.parseError).toBe('simulated parser failure');
    expect(model.ast).toBeUndefined();
    expect(model.stages).toEqual([]);
    expect(model.instructions).toEqual([]);
  });
});
