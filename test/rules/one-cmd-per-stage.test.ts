import { describe } from 'vitest';
import rule from '../../server/src/rules/one-cmd-per-stage';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCMD ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK CMD true\n',
    { name: 'one CMD per stage is fine in a multi-stage build', code: df`
      FROM golang:1.22 AS build
      CMD ["go", "test"]
      FROM alpine:3.20
      CMD ["/app"]
    ` },
    { name: 'an ONBUILD CMD is for child images', code: 'FROM alpine:3.20\nONBUILD CMD ["x"]\nCMD ["y"]\n' },
  ],
  invalid: [
    {
      code: df`
        FROM alpine:3.20
        CMD ["one"]
        RUN true
        CMD ["two"]
      `,
      errors: [{ messageId: 'overridden', line: 2, column: 1, endLine: 2, endColumn: 12, message: "the CMD on line 4 replaces it in the final stage on line 1" }],
      output: df`
        FROM alpine:3.20
        RUN true
        CMD ["two"]
      `,
    },
    {
      name: 'three ENTRYPOINTs: the first two are overridden; multi-line instructions are removed whole',
      code: df`
        FROM alpine:3.20 AS app
        ENTRYPOINT ["a", \\
          "b"]
        ENTRYPOINT ["c"]
        ENTRYPOINT ["d"]
      `,
      errors: [
        { messageId: 'overridden', line: 2, endLine: 3, message: "line 5 replaces it in stage 'app'" },
        { messageId: 'overridden', line: 4 },
      ],
      output: 'FROM alpine:3.20 AS app\nENTRYPOINT ["d"]\n',
    },
    {
      name: 'HEALTHCHECK NONE counts as a health check',
      code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n',
      errors: [{ messageId: 'overridden', line: 2 }],
      output: 'FROM nginx:1.27\nHEALTHCHECK NONE\n',
    },
    {
      name: 'the last instruction of the file can be the overridden one only if another follows; removal keeps the file well-formed',
      code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]',
      errors: [{ messageId: 'overridden', line: 2 }],
      output: 'FROM alpine:3.20\nCMD ["b"]',
    },
  ],
});

describe('peer examples: BuildKit MultipleInstructionsDisallowed', () => {
  ruleTester(rule, {
    valid: [
      { name: 'one CMD doing both greetings', code: 'FROM alpine\nCMD echo "Hello, Norway!"; echo "Hello, Sweden!"\n' },
      {
        name: 'a HEALTHCHECK CMD next to a top-level CMD',
        code: df`
          FROM python:alpine
          RUN apk add curl
          HEALTHCHECK --interval=1s --timeout=3s \\
            CMD curl -f http://localhost:8080 || exit 1
          CMD python -m http.server 8080
        `,
      },
    ],
    invalid: [
      {
        name: 'two CMDs: only the second is used, the first is reported',
        code: 'FROM alpine\nCMD echo "Hello, Norway!"\nCMD echo "Hello, Sweden!"\n',
        errors: [{ messageId: 'overridden', line: 2 }],
        output: 'FROM alpine\nCMD echo "Hello, Sweden!"\n',
      },
    ],
  });
});

describe('peer examples: hadolint DL4003 / DL4004 / DL3012', () => {
  ruleTester(rule, {
    valid: [{ name: 'DL4003: one CMD in each of two stages', code: 'FROM debian:12 AS a\nCMD /bin/true\nFROM debian:12\nCMD /bin/true\n' }],
    invalid: [
      { name: 'DL4003: two CMDs', code: 'FROM debian:12\nCMD /bin/true\nCMD /bin/true\n', errors: [{ messageId: 'overridden', line: 2 }] },
      { name: 'DL4004: two ENTRYPOINTs', code: 'FROM debian:12\nENTRYPOINT /bin/true\nENTRYPOINT /bin/true\n', errors: [{ messageId: 'overridden', line: 2 }] },
      {
        name: 'DL3012: two HEALTHCHECKs',
        code: 'FROM debian:12\nHEALTHCHECK CMD /bin/true\nHEALTHCHECK CMD /bin/false\n',
        errors: [{ messageId: 'overridden', line: 2 }],
      },
    ],
  });
});
