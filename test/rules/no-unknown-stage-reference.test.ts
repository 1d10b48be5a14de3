import rule from '../../server/src/rules/no-unknown-stage-reference';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'a malformed FROM whose AS keyword the parser reads as the image (no rename of the keyword)', code: 'FROM e AS a\nFROM -- -- as d\n' },
    'FROM golang AS builder\nFROM alpine\nCOPY --from=builder /a /a\nCOPY --from=BUILDER /b /b\n',
    { name: 'plausible images and named contexts', code: 'FROM golang AS builder\nFROM alpine\nCOPY --from=nginx:1.27 /a /a\nCOPY --from=ghcr.io/org/tool /t /t\nCOPY --from=docs /d /d\nCOPY --from=busybox /bin/sh /sh\n' },
    { name: 'official image names close to a stage name', code: 'FROM alpine AS nodes\nFROM node\nCOPY --from=node /x /x\n' },
    { name: 'forward COPY --from is legal', code: 'FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n' },
    { name: 'variables are only known at build time', code: 'FROM alpine AS builder\nCOPY --from=${BUILDR} /x /x\n' },
    { name: 'short names need a closer match', code: 'FROM alpine AS web\nFROM alpine\nCOPY --from=dev /x /x\n' },
    { name: 'ambiguous between two stages', code: 'FROM alpine AS build-a\nFROM alpine AS build-b\nFROM alpine\nCOPY --from=build-c /x /x\n' },
    { name: 'a stage whose name BuildKit rejects is never suggested', code: 'FROM alpine AS "exit-arm64\nFROM alpine\nCOPY --from=exit-arm64 /x /x\n' },
  ],
  invalid: [
    {
      name: 'typo in COPY --from',
      code: df`
        FROM golang:1.22 AS builder
        RUN go build -o /app .
        FROM alpine
        COPY --from=buidler /app /app
      `,
      errors: [{ messageId: 'typo', line: 4, column: 13, endColumn: 20, message: "did you mean 'builder'" }],
      output: null,
      fixes: [{ title: "Change 'buidler' to stage 'builder' (unsafe)", output: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine\nCOPY --from=builder /app /app\n' }],
    },
    {
      name: 'typo in mount from= and in FROM',
      code: 'FROM golang AS deps-cache\nFROM deps-cahce AS x\nRUN --mount=from=dep-cache,target=/c true\n',
      errors: [{ messageId: 'typo', line: 2, column: 6, endColumn: 16 }, { messageId: 'typo', line: 3, column: 18, endColumn: 27 }],
    },
    {
      name: 'typo in a mount from= on a continuation line',
      code: 'FROM golang AS builder\nFROM alpine\nRUN --mount=type=bind,\\\nfrom=buildr,target=/src make\n',
      errors: [{ messageId: 'typo', line: 4, column: 6, endLine: 4, endColumn: 12 }],
      output: null,
      fixes: [{ title: "Change 'buildr' to stage 'builder' (unsafe)", output: 'FROM golang AS builder\nFROM alpine\nRUN --mount=type=bind,\\\nfrom=builder,target=/src make\n' }],
    },
    {
      name: 'no fix for a name read through an escape at the line end',
      code: 'FROM golang AS docker-cli\nFROM alpine\nCOPY --from=docker-c\\\\\n  /a /b\n',
      errors: [{ messageId: 'typo', line: 3, column: 13 }],
      output: null,
      fixes: [],
    },
    {
      name: 'FROM a stage defined later',
      code: 'FROM builder AS app\nFROM golang AS builder\n',
      errors: [{ messageId: 'later', line: 1, column: 6, endColumn: 13 }],
    },
    {
      name: 'FROM through an ARG that names a later stage',
      code: 'ARG BASE=builder\nFROM ${BASE} AS app\nFROM golang AS builder\n',
      errors: [{ messageId: 'later', line: 2, column: 6, endColumn: 13, data: { text: 'builder' } }],
    },
    {
      name: 'numeric index out of range',
      code: 'FROM alpine\nCOPY --from=1 /x /x\n',
      errors: [{ messageId: 'index', line: 2, column: 13, endColumn: 14, message: 'the file has 1 stages' }],
    },
  ],
});
