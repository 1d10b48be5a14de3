import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import rule from '../../server/src/rules/require-dockerignore';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const none = { dockerignore: null };

ruleTester(rule, {
  valid: [
    { name: 'unknown whether a .dockerignore exists', code: 'FROM alpine:3.20\nCOPY . /app\n' },
    { name: 'a .dockerignore exists', code: 'FROM alpine:3.20\nCOPY . /app\n', files: { dockerignore: { path: '.dockerignore', content: '.git\n' } } },
    { name: 'only named files are copied', code: 'FROM alpine:3.20\nCOPY app.sh /app/\n', files: none },
    { name: 'COPY --from . is another stage', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a . /x\n', files: none },
    { name: 'an unreachable stage is not built', code: 'FROM alpine:3.20 AS unused\nCOPY . .\nFROM alpine:3.20\nCOPY a.sh /\n', files: none },
  ],
  invalid: [
    {
      code: df`
        FROM node:20 AS build
        WORKDIR /app
        COPY package*.json ./
        RUN npm ci
        COPY ./ .
        RUN npm run build
        FROM nginx:1.27
        COPY --from=build /app/dist /usr/share/nginx/html
      `,
      files: none,
      errors: [{ messageId: 'missing', line: 5, column: 6, endColumn: 8, message: "'COPY ./ .' copies the whole build context" }],
    },
    {
      name: 'one report per Dockerfile, on the first whole-context COPY',
      code: 'FROM alpine:3.20\nADD . /a\nCOPY * /b/\n',
      files: none,
      errors: [{ messageId: 'missing', line: 2 }],
    },
  ],
});

function proposal(code: string, contextFiles?: string[]): { title: string; content: string } {
  const problems = lint(code, { rules: [rule], files: { dockerignore: null, ...(contextFiles ? { contextFiles } : {}) } }).problems;
  const fix = problems[0]!.fixes[0]!;
  expect(fix.safety).toBe('safe');
  expect(fix.createFiles?.[0]?.path).toBe('.dockerignore');
  return { title: fix.title, content: fix.createFiles![0]!.content };
}

const lines = (content: string) => content.split('\n').filter((l) => l && !l.startsWith('#'));

describe('the created .dockerignore', () => {
  it('Node: node_modules because npm ci recreates it, and the common entries', () => {
    const p = proposal('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n');
    expect(p.title).toBe('Create .dockerignore (node)');
    expect(lines(p.content)).toEqual(expect.arrayContaining(['.git', '.env', 'Dockerfile*', '**/node_modules', 'npm-debug.log*']));
  });
  it('Node without an install keeps node_modules (the build uses the local one)', () => {
    expect(lines(proposal('FROM node:20\nCOPY . .\nCMD ["node", "index.js"]\n').content)).not.toContain('**/node_modules');
  });
  it('Python: caches always, .venv with pip; .git stays when the project installs from source', () => {
    const p = proposal('FROM python:3.12\nCOPY . .\nRUN pip install .\n');
    expect(lines(p.content)).toEqual(expect.arrayContaining(['**/__pycache__', '.venv']));
    expect(lines(p.content)).not.toContain('.git');
  });
  it('.git stays when a RUN uses git, make, a project script or npm run', () => {
    expect(lines(proposal('FROM golang:1.22\nCOPY . .\nRUN git describe --tags > /version\n').content)).not.toContain('.git');
    expect(lines(proposal('FROM golang:1.22\nCOPY . .\nRUN make build\n').content)).not.toContain('.git');
    expect(lines(proposal('FROM golang:1.22\nCOPY . .\nRUN ./hack/build.sh\n').content)).not.toContain('.git');
    expect(lines(proposal('FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n').content)).not.toContain('.git');
    expect(lines(proposal('FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n').content)).toContain('.git');
  });
  it('Rust target, .NET bin/obj, Maven target only when the Dockerfile builds', () => {
    expect(lines(proposal('FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n').content)).toContain('target');
    expect(lines(proposal('FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet restore\n').content)).toEqual(expect.arrayContaining(['**/bin', '**/obj']));
    expect(lines(proposal('FROM rust:1.80\nCOPY . .\nCMD ["./target/release/app"]\n').content)).not.toContain('target');
  });
  it('never excludes a path the Dockerfile copies by name', () => {
    const p = proposal('FROM node:20\nCOPY . .\nRUN npm ci\nCOPY .env /app/.env\nCOPY docker-compose.yml /x/\n');
    expect(lines(p.content)).not.toContain('.env');
    expect(lines(p.content)).not.toContain('docker-compose*.y*ml');
  });
  it('the context files add ecosystems', () => {
    expect(proposal('FROM alpine:3.20\nCOPY . .\n', ['go.mod', 'Cargo.toml']).title).toBe('Create .dockerignore (go, rust)');
  });
});
