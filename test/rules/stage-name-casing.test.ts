import rule from '../../server/src/rules/stage-name-casing';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: ['FROM alpine AS build\nFROM build AS run\n', 'FROM Alpine\n', { name: 'references may differ in case; only definitions are checked', code: 'FROM alpine AS build\nCOPY --from=BUILD /x /x\n' }],
  invalid: [
    {
      name: 'renames the definition and every literal reference',
      code: df`
        FROM golang:1.22 AS Builder
        RUN go build
        FROM Builder AS test
        FROM alpine
        COPY --from=Builder /app /app
        RUN --mount=from=BUILDER,target=/b true
      `,
      errors: [{ messageId: 'upper', line: 1, column: 21, endColumn: 28, message: "really 'builder'" }],
      output: df`
        FROM golang:1.22 AS builder
        RUN go build
        FROM builder AS test
        FROM alpine
        COPY --from=builder /app /app
        RUN --mount=from=builder,target=/b true
      `,
    },
    {
      name: 'a reference through an ARG is left alone (it still matches)',
      code: 'ARG STAGE=Base\nFROM alpine AS Base\nFROM ${STAGE}\n',
      errors: [{ messageId: 'upper', line: 2, column: 16, endColumn: 20 }],
      output: 'ARG STAGE=Base\nFROM alpine AS base\nFROM ${STAGE}\n',
    },
  ],
});
