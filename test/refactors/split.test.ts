/**
 * Golden tests of "Split into builder and runtime stages": for one realistic single-stage Dockerfile per
 * ecosystem (test/fixtures/split/<ecosystem>.Dockerfile) the exact result is test/fixtures/split/expected/,
 * reviewed by hand. Every result must also parse, keep the builder/runtime names and leave the final image
 * free of build tools, SDK base and root user. Style (casing, escape character, CRLF) and the cases where the
 * split is not offered are checked on smaller inputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { applyEdits } from '../../server/src/engine/applyFixes';
import { lint } from '../../server/src/engine/lint';
import { explainSplit, splitStages } from '../../server/src/refactors/split';
import { allRules } from '../../server/src/rules';
import { df } from '../support/dockerfile';
import { syntaxErrors } from '../support/ruleTester';
import { fixturesDir } from './support';

const ECOSYSTEMS = ['python', 'node', 'go', 'rust', 'java', 'dotnet'] as const;
const FINAL_IMAGE_RULES = ['no-build-tools-in-final-stage', 'no-sdk-base-in-final-stage', 'no-root-final-stage', 'user-must-exist', 'prefer-multi-stage-build'];

function split(text: string): string {
  const result = explainSplit(buildModel(text, { uri: 'file:///work/Dockerfile' }));
  if ('declined' in result) throw new Error(`declined: ${result.declined}`);
  return result.output;
}

function read(path: string): string {
  return readFileSync(join(fixturesDir, 'split', path), 'utf8');
}

describe('split into builder and runtime stages: golden outputs', () => {
  for (const ecosystem of ECOSYSTEMS) {
    it(`${ecosystem}: the exact reviewed result`, () => {
      const input = read(`${ecosystem}.Dockerfile`);
      const output = split(input);
      expect(output).toBe(read(`expected/${ecosystem}.Dockerfile`));
      // The code action produces the same text.
      const action = splitStages.offer(buildModel(input, { uri: 'file:///work/Dockerfile' }), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, { files: {} });
      expect(action?.title).toBe('Split into builder and runtime stages');
      expect(applyEdits(input, action!.edits)).toBe(output);
    });

    it(`${ecosystem}: the result parses, has builder and runtime stages and a clean final image`, () => {
      const output = read(`expected/${ecosystem}.Dockerfile`);
      expect(syntaxErrors(output)).toEqual([]);
      const model = buildModel(output);
      expect(model.stages.map((s) => s.name?.text)).toEqual(['builder', 'runtime']);
      expect(model.edges.filter((e) => e.kind === 'copy-from').every((e) => e.target?.name?.key === 'builder')).toBe(true);
      const registered = FINAL_IMAGE_RULES.filter((id) => allRules.some((r) => r.id === id));
      const problems = lint(output, { rules: allRules.filter((r) => registered.includes(r.id)) }).problems;
      expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      // The split is not offered again.
      expect('declined' in explainSplit(model)).toBe(true);
    });

    it(`${ecosystem}: the split brings no new warning (an untagged image, a missing cleanup, …)`, () => {
      const files = { dockerignore: { path: '.dockerignore', content: '.git\n' } };
      const rulesOf = (text: string) => new Set(lint(text, { files }).problems.filter((p) => p.severity === 'warning' || p.severity === 'error').map((p) => p.ruleId));
      const before = rulesOf(read(`${ecosystem}.Dockerfile`));
      expect([...rulesOf(read(`expected/${ecosystem}.Dockerfile`))].filter((r) => !before.has(r))).toEqual([]);
    });
  }
});

describe('split: how the ecosystems are handled', () => {
  it('python --user: the user base goes to /usr/local, where every user finds packages and scripts', () => {
    const output = split(read('variants/python-user.Dockerfile'));
    expect(output).toContain('COPY --from=builder /root/.local /usr/local\n');
    expect(output).not.toContain('build-essential\n');
    expect(output).toMatch(/FROM python:3\.11-slim AS runtime\n/);
  });

  it('poetry without virtualenvs: a virtualenv in the builder, build-tool settings stay there', () => {
    const output = split(read('variants/python-poetry.Dockerfile'));
    const [builder, runtime] = output.split(/\n(?=FROM python:3\.12-slim AS runtime)/);
    expect(builder).toContain('RUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nCOPY pyproject.toml poetry.lock ./\n');
    expect(runtime).not.toContain('POETRY_VIRTUALENVS_CREATE');
    expect(runtime).toContain('COPY --from=builder /opt/venv /opt/venv\n');
  });

  it('alpine: header packages become their libraries, compilers go, the existing USER is kept', () => {
    const runtime = split(read('variants/python-alpine.Dockerfile')).split('AS runtime\n')[1]!;
    expect(runtime).toContain('RUN apk add --no-cache libpq\n');
    expect(runtime).not.toMatch(/gcc|musl-dev/);
    expect(runtime).toContain('USER nobody\n');
  });

  it('node on alpine: python3 for node-gyp stays in the builder; dev dependencies are pruned', () => {
    const output = split(read('variants/node-yarn-alpine.Dockerfile'));
    expect(output).toContain('RUN yarn build\nRUN yarn install --production --frozen-lockfile\n');
    expect(output.split('AS runtime\n')[1]).not.toContain('apk add');
  });

  it('pnpm through corepack: pruned with pnpm, the build output copied', () => {
    const output = split(read('variants/node-pnpm.Dockerfile'));
    expect(output).toContain('RUN pnpm run build\nRUN pnpm prune --prod\n\nFROM node:22-slim AS runtime\n');
    expect(output).toContain('COPY --from=builder /app/build /app/build\n');
    // yarn through corepack may be Yarn Berry, which prunes differently: not offered.
    expect('declined' in explainSplit(buildModel('FROM node:22\nRUN corepack enable\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable && yarn build\nCMD ["node", "dist/a.js"]\n'))).toBe(true);
  });

  it('go with a shell HEALTHCHECK: an alpine runtime of the builder release instead of distroless', () => {
    const output = split(read('variants/go-alpine.Dockerfile'));
    expect(output).toContain('FROM alpine:3.19 AS runtime\nRUN apk add --no-cache ca-certificates tzdata\nRUN addgroup -S app && adduser -S -D -G app app\n');
    expect(output).toContain('ENV CGO_ENABLED=0\nRUN go build');
  });

  it('go with an entrypoint script: a runtime with a shell, the script copied from the context', () => {
    const output = split(read('variants/go-entrypoint-script.Dockerfile'));
    expect(output).toContain('FROM debian:bookworm-slim AS runtime\n');
    expect(output.split('AS runtime\n')[1]).toContain('COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh\n');
  });

  it('python with a cache mount and MySQL headers: the mount stays in the builder, the client library goes to the runtime', () => {
    const output = split(read('variants/python-mysql-cache-mount.Dockerfile'));
    expect(output).toContain('RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n');
    expect(output.split('AS runtime\n')[1]).toContain('apt-get install -y --no-install-recommends libmariadb3 && \\\n');
    expect(output.split('AS runtime\n')[1]).not.toMatch(/build-essential|pkg-config|python3-dev|--mount/);
  });

  it('go with its own user: debian-slim, and the original RUN creates the user (once, in the runtime)', () => {
    const output = split(read('variants/go-user.Dockerfile'));
    const runtime = output.split('FROM debian:stable-slim AS runtime\n')[1]!;
    expect(runtime).toBeDefined();
    expect(output.match(/useradd/g)).toHaveLength(1);
    expect(runtime).toContain('RUN useradd --system --create-home worker\nUSER worker\n');
  });

  it('rust cargo install with a backtick escape: the binary goes to /usr/local/bin, continuations use the backtick', () => {
    const output = split(read('variants/rust-install.Dockerfile'));
    expect(output).toContain('COPY --from=builder /usr/local/cargo/bin/myapp /usr/local/bin/myapp\n');
    expect(output).toContain('RUN apt-get update && `\n    apt-get install -y --no-install-recommends ca-certificates && `\n    rm -rf /var/lib/apt/lists/*\n');
    expect(output).not.toContain('\\\n');
  });

  it('keeps lower-case keywords (AS casing follows FROM) and .NET 6 gets a created user', () => {
    const output = split(read('variants/dotnet6.Dockerfile'));
    expect(output).toContain('from mcr.microsoft.com/dotnet/sdk:6.0 as builder\n');
    expect(output).toContain('from mcr.microsoft.com/dotnet/aspnet:6.0 as runtime\nrun groupadd --system --force app && useradd --system --create-home --gid app app\n');
    expect(output).toContain('user app\nentrypoint ["./Api"]\n');
  });

  it('keeps CRLF line endings', () => {
    const input = read('variants/crlf-node.Dockerfile');
    expect(input).toContain('\r\n');
    const output = split(input);
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(output).toContain('FROM node:20-slim AS runtime\r\n');
  });

  it('gradle: the jar the ENTRYPOINT runs, on the JRE of the same JDK', () => {
    const output = split(read('variants/gradle.Dockerfile'));
    expect(output).toContain('FROM eclipse-temurin:17-jre AS runtime\n');
    expect(output).toContain('COPY --from=builder /home/gradle/project/build/libs/service.jar /home/gradle/project/build/libs/service.jar\n');
  });

  it('moves comments with their instructions and places USER before the start command and its comment', () => {
    const output = split(df`
      FROM golang:1.22-bookworm
      WORKDIR /src
      # Dependencies first, for the cache
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN go build -o /out/app .

      # The port the service listens on
      EXPOSE 8080
      # Start the service
      ENTRYPOINT ["/out/app"]
    `);
    const [builder, runtime] = output.split('\nFROM gcr.io/distroless/static-debian12:nonroot AS runtime\n');
    expect(builder).toContain('# Dependencies first, for the cache\nCOPY go.mod go.sum ./\n');
    expect(builder).not.toContain('EXPOSE');
    expect(runtime).toBe('WORKDIR /src\n\nCOPY --from=builder /out/app /out/app\n\n# The port the service listens on\nEXPOSE 8080\nUSER nonroot\n# Start the service\nENTRYPOINT ["/out/app"]\n');
  });

  it('writes continuation lines like the file: tab indentation, && leading or trailing', () => {
    const trailing = split('FROM python:3.12-bookworm\nRUN apt-get update && \\\n\tapt-get install -y --no-install-recommends gcc libpq-dev && \\\n\trm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n');
    expect(trailing).toContain('RUN apt-get update && \\\n\tapt-get install -y --no-install-recommends libpq5 && \\\n\trm -rf /var/lib/apt/lists/*\n');
    const leading = split('FROM python:3.12-bookworm\nRUN apt-get update \\\n  && apt-get install -y gcc libpq-dev \\\n  && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n');
    expect(leading).toContain('RUN apt-get update \\\n  && apt-get install -y --no-install-recommends libpq5 \\\n  && rm -rf /var/lib/apt/lists/*\n');
  });

  it('keeps the owner the build gave the application tree (COPY --chown, chown -R)', () => {
    const python = split('FROM python:3.12\nRUN useradd --create-home web\nWORKDIR /home/web/app\nCOPY --chown=web:web . .\nRUN pip install -r requirements.txt\nUSER web\nCMD ["python", "app.py"]\n');
    expect(python).toContain('COPY --from=builder --chown=web:web /home/web/app /home/web/app\nCOPY --from=builder /opt/venv /opt/venv\n');
    const node = split('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && chown -R node:node /app\nCMD ["node", "dist/main.js"]\n');
    expect(node).toContain('COPY --from=builder --chown=node:node /app/dist /app/dist\n');
  });

  it('keeps the original stage name on the runtime (so --target still builds the image that ships)', () => {
    const output = split('FROM golang:1.22 AS app\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\nENTRYPOINT ["/app"]\n');
    expect(output).toContain('FROM golang:1.22 AS builder\n');
    expect(output).toContain('AS app\n');
  });

  it('keeps global ARGs in the runtime FROM', () => {
    const output = split('ARG PY=3.12\nFROM python:${PY}\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "main.py"]\n');
    expect(output).toContain('ARG PY=3.12\nFROM python:${PY} AS builder\n');
    expect(output).toContain('FROM python:${PY}-slim AS runtime\n');
  });
});

describe('split: not offered when the result could be wrong', () => {
  const declined = (text: string) => explainSplit(buildModel(text));
  it.each([
    ['an unknown ecosystem', read('variants/declined-unknown.Dockerfile')],
    ['a multi-stage file', 'FROM golang:1.22 AS b\nRUN go build -o /a .\nFROM alpine\nCOPY --from=b /a /a\nCMD ["/a"]\n'],
    ['ONBUILD triggers', 'FROM node:20\nONBUILD COPY . .\nRUN npm ci\nCMD ["node", "a.js"]\n'],
    ['no start command', 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/a .\n'],
    ['a program the runtime would lack', 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/a .\nCMD ["/usr/local/go/bin/go", "run", "."]\n'],
    ['a binary without a known path', 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./...\nCMD ["app"]\n'],
    ['code that needs cgo', 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/a .\nCMD ["/out/a"]\n'],
    ['a header package without a known library', 'FROM python:3.12\nRUN apt-get update && apt-get install -y libgdal-dev\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n'],
    ['packages from a variable', 'FROM python:3.12\nARG DEPS\nRUN apt-get update && apt-get install -y $DEPS\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n'],
    ['poetry keeping its own virtualenv', 'FROM python:3.12\nRUN pip install poetry\nWORKDIR /app\nCOPY . .\nRUN poetry install\nCMD ["poetry", "run", "python", "a.py"]\n'],
    ['a dev server', 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "run", "dev"]\n'],
    ['nothing to leave out', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n'],
    ['a tree with several owners', 'FROM python:3.12\nWORKDIR /app\nCOPY --chown=1000 a.txt .\nCOPY --chown=2000 . .\nRUN pip install -r requirements.txt\nCMD ["python", "a.py"]\n'],
    ['a health check tool only the SDK image has', 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["python", "a.py"]\n'],
  ])('%s', (_label, text) => {
    expect('declined' in declined(text)).toBe(true);
  });
});
