import rule from '../../server/src/rules/no-generic-stage-name';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS builder\nFROM alpine AS runtime\n',
    { name: 'meaningful names that contain generic words', code: 'FROM alpine AS build\nFROM alpine AS base\nFROM alpine AS stage-assets\nFROM alpine AS python3\nFROM alpine AS go1\n' },
  ],
  invalid: [
    {
      name: 'numbered stage renamed to its role with all references',
      code: df`
        FROM golang:1.22 AS stage1
        RUN go build -o /app .
        FROM alpine AS stage-2
        COPY --from=stage1 /app /app
      `,
      errors: [
        { messageId: 'generic', line: 1, column: 21, endColumn: 27, severity: 'info' },
        { messageId: 'generic', line: 3, column: 16, endColumn: 23 },
      ],
      fixes: [
        { title: "Rename to 'builder' everywhere (unsafe)", output: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine AS stage-2\nCOPY --from=builder /app /app\n' },
        { title: "Rename to 'runtime' everywhere (unsafe)", output: 'FROM golang:1.22 AS stage1\nRUN go build -o /app .\nFROM alpine AS runtime\nCOPY --from=stage1 /app /app\n' },
      ],
    },
    {
      name: 'the rename reaches a --target mention in a comment (as the editor rename does) and leaves ONBUILD triggers alone',
      code: df`
        # docker build --target stage1 .
        FROM golang:1.22 AS stage1
        RUN go build -o /app .
        FROM alpine AS app
        COPY --from=stage1 /app /app
        ONBUILD COPY --from=stage1 /app /app
      `,
      errors: [{ messageId: 'generic', line: 2, column: 21, endColumn: 27 }],
      fixes: [
        {
          title: "Rename to 'builder' everywhere (unsafe)",
          output:
            '# docker build --target builder .\nFROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine AS app\nCOPY --from=builder /app /app\nONBUILD COPY --from=stage1 /app /app\n',
        },
      ],
    },
    {
      name: 'placeholders; no fix when the role is not evident',
      code: 'FROM alpine AS tmp\nRUN echo\nFROM alpine AS s1\nFROM alpine\n',
      errors: [{ messageId: 'generic', line: 1 }, { messageId: 'generic', line: 3 }],
      output: null,
    },
    {
      name: 'no rename when a reference goes through a variable',
      code: 'ARG FROM_STAGE=build1\nFROM golang AS build1\nRUN go build\nFROM ${FROM_STAGE}\n',
      errors: [{ messageId: 'generic', line: 2 }],
      output: null,
    },
  ],
});
