import { describe } from 'vitest';
import rule from '../../server/src/rules/no-empty-continuation';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add \\\n    curl\n\nRUN true\n',
    { name: 'a comment line inside a continuation', code: 'FROM alpine:3.20\nRUN apk add \\\n# tools\n    curl\n' },
    { name: 'blank lines in a heredoc body are content', code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\n\necho hi\nEOF\n' },
    { name: 'blank lines in a COPY heredoc', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\n\nworld\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add \\\n\n    gnupg \\\n  \n\n    curl\n',
      errors: [{ messageId: 'empty', line: 3, column: 1, endColumn: 1, message: 'continued RUN' }],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    gnupg \\\n    curl\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM alpine:3.20\r\nENV A=1 \\\r\n\r\n    B=2\r\n',
      errors: [{ messageId: 'empty', line: 3 }],
      output: 'FROM alpine:3.20\r\nENV A=1 \\\r\n    B=2\r\n',
    },
    {
      name: 'a line of blanks and tabs counts as empty; a line with a character does not',
      code: 'FROM alpine:3.20\nRUN a \\\n\t \t\n  . \\\n    b\n',
      errors: [{ messageId: 'empty', line: 3, column: 1, endColumn: 4 }],
      output: 'FROM alpine:3.20\nRUN a \\\n  . \\\n    b\n',
    },
  ],
});

describe('peer examples: BuildKit NoEmptyContinuation', () => {
  ruleTester(rule, {
    valid: [{ name: 'comments do not count as empty lines', code: 'FROM alpine\nEXPOSE \\\n# Port\n80\n' }],
    invalid: [
      {
        name: 'an empty line between EXPOSE and 80',
        code: 'FROM alpine\nEXPOSE \\\n\n80\n',
        errors: [{ messageId: 'empty', line: 3 }],
        output: 'FROM alpine\nEXPOSE \\\n80\n',
      },
    ],
  });
});
