import rule from '../../server/src/rules/no-unreachable-stage';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine\n',
    'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\n',
    { name: 'deliberate target names, also as a name part, and what they use', code: 'FROM golang AS base\nRUN go mod download\nFROM base AS unit-test\nRUN go test\nFROM alpine AS lint\nFROM alpine\n' },
    { name: 'configured targets', code: 'FROM alpine AS assets\nRUN echo\nFROM alpine\n', targets: ['assets'] },
    { name: 'references through variables reach every matching stage', code: 'ARG BUILD=false\nFROM alpine AS build-false\nFROM alpine AS build-true\nFROM build-${BUILD}\n' },
    { name: 'a second runnable image (CMD) is a target', code: 'FROM alpine AS server\nCMD ["serve"]\nFROM alpine\nCMD ["cli"]\n' },
    { name: 'export stages FROM scratch', code: 'FROM golang AS build\nRUN go build\nFROM scratch AS binaries\nCOPY --from=build /app /\nFROM alpine\n' },
    { name: 'several unused end stages: a multi-target file', code: 'FROM alpine AS one\nRUN a\nFROM alpine AS two\nRUN b\nFROM alpine\n' },
    { name: 'ONBUILD references do not use a stage (here: two unused end stages, so silent)', code: 'FROM alpine AS x\nRUN a\nFROM alpine AS y\nRUN b\nFROM alpine\nONBUILD COPY --from=x /a /a\n' },
  ],
  invalid: [
    {
      name: 'a forgotten stage, and the stage only it uses',
      code: df`
        FROM node:20 AS deps
        RUN npm ci
        FROM deps AS assets
        RUN npm run build
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM alpine
        COPY --from=build /app /app
      `,
      errors: [
        { messageId: 'unreachable', line: 1, column: 17, endColumn: 21, message: "Stage 'deps' is never used by the build target, the final stage on line 7, so BuildKit skips it" },
        { messageId: 'unreachable', line: 3, column: 14, endColumn: 20 },
      ],
      fixes: [{ title: "Remove stage 'assets' (unsafe)", output: 'FROM node:20 AS deps\nRUN npm ci\nFROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine\nCOPY --from=build /app /app\n' }],
    },
    {
      name: 'a variable in the first FROM names no stage, so it does not make later stages used',
      code: 'ARG BASE=node:20-alpine\nFROM ${BASE} AS base\nFROM golang:1.22 AS tools\nRUN go install example.com/tool@latest\nFROM base AS runtime\n',
      errors: [{ messageId: 'unreachable', line: 3, column: 21, endColumn: 26, message: "Stage 'tools' is never used by the build target, stage 'runtime'" }],
    },
    {
      name: 'unnamed stage reported on its image',
      code: 'FROM node:20\nRUN npm ci\nFROM alpine AS runtime\n',
      errors: [{ messageId: 'unreachable', line: 1, column: 6, endColumn: 13, message: "Stage 0 on line 1 is never used by the build target, stage 'runtime', so BuildKit skips it" }],
      fixes: [{ title: 'Remove stage 0 on line 1 (unsafe)', output: 'FROM alpine AS runtime\n' }],
    },
    {
      name: 'removing the first stage keeps a following # key=value comment out of the parser directives',
      code: 'FROM node:20 AS prebuilt\n# escape=`\nFROM alpine\nRUN echo a \\\n  b\n',
      errors: [{ messageId: 'unreachable', line: 1, column: 17, endColumn: 25 }],
      fixes: [{ title: "Remove stage 'prebuilt' (unsafe)", output: '\n# escape=`\nFROM alpine\nRUN echo a \\\n  b\n' }],
    },
  ],
});
