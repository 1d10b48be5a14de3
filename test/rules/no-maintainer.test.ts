import { describe } from 'vitest';
import rule from '../../server/src/rules/no-maintainer';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n'],
  invalid: [
    {
      code: 'FROM debian:12\nMAINTAINER Jane Doe  <jane@example.com>\nRUN true\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endColumn: 11 }],
      output: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe  <jane@example.com>"\nRUN true\n',
    },
    {
      name: 'lower-case keyword keeps its casing; quotes and $ are escaped',
      code: 'from debian:12\nmaintainer "Jane" $USER\n',
      errors: [{ messageId: 'deprecated', line: 2 }],
      output: 'from debian:12\nlabel org.opencontainers.image.authors="\\"Jane\\" \\$USER"\n',
    },
    {
      name: 'escape directive: the backtick escapes',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER C:\\Users "x"\n',
      errors: [{ messageId: 'deprecated', line: 3 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors="C:\\Users `"x`""\n',
    },
    {
      name: 'the label exists already: only remove MAINTAINER',
      code: df`
        FROM alpine:3.20
        LABEL org.opencontainers.image.authors="jane@example.com"
        MAINTAINER jane@example.com
        CMD ["sh"]
      `,
      errors: [{ messageId: 'deprecated', line: 3 }],
      output: df`
        FROM alpine:3.20
        LABEL org.opencontainers.image.authors="jane@example.com"
        CMD ["sh"]
      `,
    },
    {
      name: 'continuation lines are joined',
      code: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\n',
      errors: [{ messageId: 'deprecated', line: 2 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe"\n',
    },
  ],
});

describe('peer examples: BuildKit MaintainerDeprecated / hadolint DL4000', () => {
  ruleTester(rule, {
    valid: [{ name: 'the author as an OCI label', code: 'FROM alpine\nLABEL org.opencontainers.image.authors="moby@example.com"\n' }],
    invalid: [
      {
        name: 'MAINTAINER with an e-mail address',
        code: 'FROM alpine\nMAINTAINER moby@example.com\n',
        errors: [{ messageId: 'deprecated' }],
        output: 'FROM alpine\nLABEL org.opencontainers.image.authors="moby@example.com"\n',
      },
      {
        name: 'DL4000: MAINTAINER with a name',
        code: 'FROM busybox\nMAINTAINER Lukas Martinelli\n',
        errors: [{ messageId: 'deprecated' }],
        output: 'FROM busybox\nLABEL org.opencontainers.image.authors="Lukas Martinelli"\n',
      },
    ],
  });
});
