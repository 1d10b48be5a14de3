/**
 * The refactors other than the split, each with its exact result: where it is offered, what it writes, and
 * where it is not offered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/analysis/buildModel';
import { applyEdits } from '../../server/src/engine/applyFixes';
import type { FileFacts } from '../../server/src/engine/fileFacts';
import { REFACTORS, refactorsAt, type Refactor } from '../../server/src/refactors';
import { allRules } from '../../server/src/rules';
import { df } from '../support/dockerfile';
import { fixturesDir } from './support';

const cursor = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character } });
const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 200 } });
const refactor = (id: string): Refactor => REFACTORS.find((r) => r.id === id)!;

function offer(id: string, text: string, range: Range, files: FileFacts = {}) {
  return refactor(id).offer(buildModel(text, { uri: 'file:///work/app/Dockerfile' }), range, { files });
}

function apply(id: string, text: string, range: Range, files: FileFacts = {}): { title: string; output: string } {
  const action = offer(id, text, range, files);
  if (!action) throw new Error(`'${id}' not offered`);
  return { title: action.title, output: applyEdits(text, action.edits) };
}

const fixture = (name: string) => readFileSync(join(fixturesDir, 'refactors', name), 'utf8');

describe('name this stage', () => {
  const text = fixture('stage-names.Dockerfile');

  it('names an unnamed stage after its role and turns numeric references into the name', () => {
    const { title, output } = apply('name-stage', text, cursor(0));
    expect(title).toBe("Name this stage 'builder'");
    expect(output).toBe(text.replace('FROM golang:1.22\n', 'FROM golang:1.22 AS builder\n').replace('--from=0', '--from=builder'));
  });

  it('follows the casing of FROM and falls back to the image name when the role says nothing', () => {
    const { output } = apply('name-stage', 'from alpine:3.20\nrun echo hi\n\nfrom alpine:3.20\ncmd ["sh"]\n', cursor(0));
    expect(output).toBe('from alpine:3.20 as alpine\nrun echo hi\n\nfrom alpine:3.20\ncmd ["sh"]\n');
  });

  it('is not offered for a named stage or away from the FROM line', () => {
    expect(offer('name-stage', text, cursor(5))).toBeUndefined();
    expect(offer('name-stage', text, cursor(1))).toBeUndefined();
  });
});

describe('rename stage', () => {
  const text = fixture('stage-names.Dockerfile');

  it('renames a generic name everywhere: FROM, COPY --from and RUN --mount from=', () => {
    const { title, output } = apply('rename-stage', text, cursor(5, 20));
    expect(title).toBe("Rename stage 'stage1' to 'builder'");
    expect(output).toBe(text.replaceAll('stage1', 'builder'));
  });

  it('also replaces numeric references to the stage', () => {
    const input = df`
      FROM node:20 AS stage1
      RUN npm ci && npm run build
      FROM nginx:1.27
      COPY --from=0 /app/dist /usr/share/nginx/html
      COPY --from=stage1 /app/LICENSE /LICENSE
    `;
    expect(apply('rename-stage', input, cursor(0)).output).toBe(input.replace('stage1', 'builder').replace('--from=0', '--from=builder').replace('--from=stage1', '--from=builder'));
  });

  it('leaves descriptive names alone and ignores ONBUILD references (they name stages of the child build)', () => {
    expect(offer('rename-stage', 'FROM node:20 AS web\nCMD ["node"]\n', cursor(0))).toBeUndefined();
    const onbuild = 'FROM golang:1.22 AS stage1\nRUN go build -o /a .\nFROM alpine\nONBUILD COPY --from=stage1 /x /x\nCOPY --from=stage1 /a /a\n';
    expect(apply('rename-stage', onbuild, cursor(0)).output).toBe(onbuild.replace('AS stage1', 'AS builder').replace('COPY --from=stage1 /a', 'COPY --from=builder /a'));
  });
});

describe('extract stage', () => {
  const text = fixture('extract.Dockerfile');

  it('moves the selected start of a stage into its own stage, re-declares the ARGs the rest uses, renumbers --from', () => {
    const { title, output } = apply('extract-stage', text, lines(1, 5));
    expect(title).toBe("Extract lines 2–6 into stage 'base'");
    expect(output).toBe(df`
      FROM python:3.12-slim AS base
      ARG PIP_INDEX=https://pypi.org/simple
      ENV PYTHONUNBUFFERED=1
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      WORKDIR /app
      COPY requirements.txt .

      FROM base AS app
      ARG PIP_INDEX=https://pypi.org/simple
      RUN pip install --no-cache-dir --index-url "$PIP_INDEX" -r requirements.txt
      COPY . .
      USER nobody
      CMD ["python", "-m", "app"]

      FROM alpine:3.20 AS checks
      COPY --from=1 /app /app
      RUN ls /app
    `);
  });

  it('names the new stage deps when it installs the dependencies', () => {
    expect(apply('extract-stage', text, lines(0, 6)).title).toBe("Extract lines 2–7 into stage 'deps'");
  });

  it('needs a selection that starts the stage and leaves something behind', () => {
    expect(offer('extract-stage', text, cursor(2))).toBeUndefined();
    expect(offer('extract-stage', text, lines(3, 5))).toBeUndefined();
    expect(offer('extract-stage', text, lines(1, 9))).toBeUndefined();
    expect(offer('extract-stage', text, lines(5, 12))).toBeUndefined(); // two stages
    expect(offer('extract-stage', 'FROM node:20\nONBUILD COPY . .\nRUN npm ci\nCMD ["node"]\n', lines(1, 1))).toBeUndefined();
  });
});

describe('use the runtime image', () => {
  it('moves a final Go stage from golang to distroless/static', () => {
    const text = fixture('sdk-final-go.Dockerfile');
    const { title, output } = apply('swap-runtime-base', text, cursor(5));
    expect(title).toBe("Use 'gcr.io/distroless/static-debian12:nonroot'");
    expect(output).toBe(text.replace('\nFROM golang:1.22\n', '\nFROM gcr.io/distroless/static-debian12:nonroot\n'));
  });

  it('moves a final Node stage to the slim image', () => {
    const text = fixture('sdk-final-node.Dockerfile');
    expect(apply('swap-runtime-base', text, cursor(5)).output).toBe(text.replace('\nFROM node:20\n', '\nFROM node:20-slim\n'));
  });

  it('is not offered when the stage still needs the SDK or a shell', () => {
    const needsGo = 'FROM golang:1.22 AS b\nRUN go build -o /a .\nFROM golang:1.22\nCOPY --from=b /a /a\nRUN go version\nCMD ["/a"]\n';
    expect(offer('swap-runtime-base', needsGo, cursor(2))).toBeUndefined();
    const shellForm = 'FROM golang:1.22 AS b\nRUN go build -o /a .\nFROM golang:1.22\nCOPY --from=b /a /a\nCMD /a --serve\n';
    expect(offer('swap-runtime-base', shellForm, cursor(2))).toBeUndefined();
    const single = 'FROM golang:1.22\nCOPY a /a\nCMD ["/a"]\n';
    expect(offer('swap-runtime-base', single, cursor(0))).toBeUndefined();
    const curl = 'FROM node:20 AS b\nRUN npm ci\nFROM node:20\nCOPY --from=b /app /app\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["node", "/app/a.js"]\n';
    expect(offer('swap-runtime-base', curl, cursor(2))).toBeUndefined();
  });
});

describe('copy dependency manifests first', () => {
  const text = df`
    FROM node:20-slim
    WORKDIR /app
    COPY --chown=node:node . .
    RUN npm ci
    CMD ["node", "server.js"]
  `;

  it('is offered on the COPY and on the install, with the deps-before-source edit', () => {
    const expected = df`
      FROM node:20-slim
      WORKDIR /app
      COPY --chown=node:node package.json package-lock.json ./
      RUN npm ci
      COPY --chown=node:node . .
      CMD ["node", "server.js"]
    `;
    const files = { contextFiles: ['package.json', 'package-lock.json', 'server.js'] };
    expect(apply('copy-manifests-first', text, cursor(2), files)).toEqual({ title: 'Copy package.json, package-lock.json first', output: expected });
    expect(apply('copy-manifests-first', text, cursor(3), files).output).toBe(expected);
    expect(offer('copy-manifests-first', text, cursor(1), files)).toBeUndefined();
  });
});

describe('create .dockerignore', () => {
  const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';

  it('creates the file with the ecosystem defaults when the folder has none', () => {
    const action = offer('create-dockerignore', text, cursor(2), { dockerignore: null });
    expect(action?.title).toBe('Create .dockerignore (python)');
    expect(action?.edits).toEqual([]);
    expect(action?.createFiles?.[0]?.path).toBe('.dockerignore');
    expect(action?.createFiles?.[0]?.content).toContain('**/__pycache__');
  });

  it('is not offered when the file exists or is not known, or away from a whole-context COPY', () => {
    expect(offer('create-dockerignore', text, cursor(2), { dockerignore: { path: '.dockerignore', content: '' } })).toBeUndefined();
    expect(offer('create-dockerignore', text, cursor(2), {})).toBeUndefined();
    expect(offer('create-dockerignore', text, cursor(1), { dockerignore: null })).toBeUndefined();
  });
});

/** Rule-backed refactors offer the rule's fix; without the rule in the registry they offer nothing. */
const hasRule = (id: string) => allRules.some((r) => r.id === id);

describe('add --chown and fold chown (the copy-needs-chown and prefer-copy-chown fixes at the cursor)', () => {
  it('takes the group from the line creating the user', () => {
    const text = 'FROM alpine:3.20\nRUN addgroup -S web && adduser -S -G web app\nUSER app\nCOPY a /srv/a\n';
    const action = offer('add-chown', text, cursor(3));
    if (!hasRule('copy-needs-chown')) return expect(action).toBeUndefined();
    expect(applyEdits(text, action!.edits)).toBe('FROM alpine:3.20\nRUN addgroup -S web && adduser -S -G web app\nUSER app\nCOPY --chown=app:web a /srv/a\n');
  });

  const text = fixture('chown.Dockerfile');

  it('adds --chown to a COPY after a non-root USER', () => {
    const action = offer('add-chown', text, cursor(8));
    if (!hasRule('copy-needs-chown')) return expect(action).toBeUndefined();
    // USER names the user only; the group comes from the line creating it (useradd makes a group of the same name).
    expect(action?.title).toBe("Add '--chown=appuser:appuser'");
    expect(applyEdits(text, action!.edits)).toContain('\nCOPY --chown=appuser:appuser config.yaml /home/appuser/app/config.yaml\n');
    expect(offer('add-chown', text, cursor(5))).toBeUndefined(); // before the USER: root may own it
  });

  it('folds RUN chown -R into --chown on the COPYs, offered on the RUN and on the COPYs', () => {
    const onRun = offer('fold-chown', text, cursor(6));
    if (!hasRule('prefer-copy-chown')) return expect(onRun).toBeUndefined();
    const output = applyEdits(text, onRun!.edits);
    expect(output).toContain('COPY --chown=appuser:appuser . .\n');
    expect(output).not.toContain('chown -R');
    expect(offer('fold-chown', text, cursor(5))?.edits).toEqual(onRun!.edits);
  });
});

describe('add a non-root user (the no-root-final-stage fix at the cursor, with --chown where the user needs it)', () => {
  const text = fixture('root-final.Dockerfile');

  it('creates the user with the family tools before CMD and gives it the files copied into its home', () => {
    const action = offer('add-non-root-user', text, cursor(4));
    if (!hasRule('no-root-final-stage')) return expect(action).toBeUndefined();
    const output = applyEdits(text, action!.edits);
    expect(output).toMatch(/\nRUN groupadd [^\n]*app && useradd [^\n]* app\nUSER app\nCMD \["\/app\/app"\]\n/);
    if (hasRule('copy-needs-chown')) expect(output).toContain('\nCOPY --chown=app:app extra.conf /home/app/extra.conf\n');
    expect(offer('add-non-root-user', text, cursor(1))).toBeUndefined(); // not the final stage
  });

  it('uses the image user where the base has one', () => {
    const node = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
    const action = offer('add-non-root-user', node, cursor(1));
    if (!hasRule('no-root-final-stage')) return expect(action).toBeUndefined();
    expect(applyEdits(node, action!.edits)).toBe('FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
  });
});

describe('refactorsAt', () => {
  it('lists what applies at a position and skips a refactor that throws', () => {
    const model = buildModel(fixture('stage-names.Dockerfile'));
    expect(refactorsAt(model, cursor(0), { files: {} }).map((a) => a.id)).toEqual(['name-stage']);
    const broken: Refactor = { id: 'broken', kind: 'refactor.rewrite', resolves: [], safety: 'safe', offer: () => { throw new Error('boom'); } };
    expect(refactorsAt(model, cursor(0), { files: {} }, [broken, ...REFACTORS]).map((a) => a.id)).toEqual(['name-stage']);
  });
});
