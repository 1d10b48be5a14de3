import rule from '../../server/src/rules/no-numeric-stage-reference';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS builder\nFROM alpine\nCOPY --from=builder /app /app\n',
    { name: 'an out-of-range index is no-unknown-stage-reference\'s job', code: 'FROM alpine\nCOPY --from=5 /x /x\n' },
    { name: 'images with digits are no index', code: 'FROM alpine\nCOPY --from=nginx:1.27 /x /x\n' },
  ],
  invalid: [
    {
      name: 'a named stage: reference the name',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=0 /app /app\n',
      errors: [{ messageId: 'numeric', line: 4, column: 13, endColumn: 14 }],
      output: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\n',
    },
    {
      name: 'an unnamed builder: named after its role, every numeric reference replaced',
      code: df`
        FROM golang:1.22
        RUN go build -o /app .
        FROM alpine
        COPY --from=0 /app /app
        RUN --mount=from=0,target=/src true
      `,
      errors: [
        { messageId: 'numeric', line: 4, column: 13, endColumn: 14 },
        { messageId: 'numeric', line: 5, column: 18, endColumn: 19 },
      ],
      output: df`
        FROM golang:1.22 AS builder
        RUN go build -o /app .
        FROM alpine
        COPY --from=builder /app /app
        RUN --mount=from=builder,target=/src true
      `,
      fixes: [{
        title: "Name stage 0 'builder' and reference it by name",
        output: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine\nCOPY --from=builder /app /app\nRUN --mount=from=builder,target=/src true\n',
      }],
    },
    {
      name: 'the role name is taken: a free variant, lower-case AS for a lower-case FROM',
      code: 'from node:20\nrun npm ci\nfrom alpine as deps\nfrom alpine\ncopy --from=0 /node_modules /node_modules\n',
      errors: [{ messageId: 'numeric', line: 5 }],
      output: 'from node:20 as deps-2\nrun npm ci\nfrom alpine as deps\nfrom alpine\ncopy --from=deps-2 /node_modules /node_modules\n',
    },
  ],
});
