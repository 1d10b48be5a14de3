import rule from '../../server/src/rules/no-stage-cycle';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\n',
    { name: 'forward COPY --from without a cycle', code: 'FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nRUN echo\n' },
    { name: 'ONBUILD references run in child images, not in this build', code: 'FROM alpine AS a\nONBUILD COPY --from=a /x /x\n' },
    { name: 'an image named like nothing in the file', code: 'FROM alpine AS a\nCOPY --from=alpine:3.19 /x /x\n' },
  ],
  invalid: [
    {
      name: 'a stage copying from itself (case-insensitively)',
      code: 'FROM golang:1.22 AS build\nCOPY --from=Build /out /out\n',
      errors: [{ messageId: 'self', line: 2, column: 13, endColumn: 18, message: "Stage 'build' copies from itself" }],
    },
    {
      name: 'mount from= itself',
      code: 'FROM alpine AS a\nRUN --mount=from=a,target=/x true\n',
      errors: [{ messageId: 'self', line: 2, column: 18, endColumn: 19 }],
    },
    {
      name: 'two stages in a cycle: reported on the forward reference',
      code: df`
        FROM alpine AS a
        COPY --from=b /x /x
        FROM a AS b
        RUN echo
      `,
      errors: [{ messageId: 'cycle', line: 2, column: 13, endColumn: 14, message: "'a' → 'b' → 'a'" }],
    },
    {
      name: 'three stages through numeric and mount references',
      code: 'FROM alpine AS a\nCOPY --from=2 /x /x\nFROM a AS b\nFROM alpine AS c\nRUN --mount=from=b,target=/b true\n',
      errors: [{ messageId: 'cycle', line: 2, column: 13, endColumn: 14, message: "'a' → 'c' → 'b' → 'a'" }],
    },
    {
      name: 'unnamed stages are named by index and line, the last one as the final stage',
      code: 'FROM alpine AS a\nCOPY --from=1 /x /x\nFROM alpine\nCOPY --from=0 /y /y\nFROM alpine\nCOPY --from=2 /z /z\n',
      errors: [
        { messageId: 'cycle', line: 2, column: 13, endColumn: 14, message: "Stages 'a' → stage 1 on line 3 → 'a' depend on each other" },
        { messageId: 'self', line: 6, column: 13, endColumn: 14, message: 'The final stage on line 5 copies from itself' },
      ],
    },
  ],
});
