import { describe } from 'vitest';
import rule from '../../server/src/rules/consistent-instruction-casing';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'ARG X=1\nFROM alpine:3.20\nRUN true\nONBUILD RUN true\n',
    'arg x=1\nfrom alpine:3.20\nrun true\nonbuild run true\n',
    { name: 'FROM … AS casing is another rule', code: 'FROM alpine:3.20 as build\n' },
  ],
  invalid: [
    {
      name: 'upper-case majority',
      code: df`
        FROM alpine:3.20
        run echo a
        RUN echo b
        Copy a b
      `,
      errors: [
        { messageId: 'inconsistent', line: 2, column: 1, endColumn: 4, message: "'run' should be uppercase" },
        { messageId: 'inconsistent', line: 4, column: 1, endColumn: 5, message: "'Copy' should be uppercase" },
      ],
      output: 'FROM alpine:3.20\nRUN echo a\nRUN echo b\nCOPY a b\n',
    },
    {
      name: 'lower-case majority',
      code: 'from alpine:3.20\nrun echo a\nWORKDIR /app\n  Cmd ["sh"]\n',
      errors: [
        { messageId: 'inconsistent', line: 3, message: 'lowercase' },
        { messageId: 'inconsistent', line: 4, column: 3, endColumn: 6 },
      ],
      output: 'from alpine:3.20\nrun echo a\nworkdir /app\n  cmd ["sh"]\n',
    },
    {
      name: 'a tie goes to upper-case',
      code: 'FROM alpine:3.20\nrun true\n',
      errors: [{ messageId: 'inconsistent', line: 2, message: 'uppercase' }],
      output: 'FROM alpine:3.20\nRUN true\n',
    },
    {
      name: 'the ONBUILD trigger follows the file',
      code: 'FROM alpine:3.20\nRUN true\nONBUILD run make\n',
      errors: [{ messageId: 'inconsistent', line: 3, column: 9, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN true\nONBUILD RUN make\n',
    },
  ],
});

describe('peer examples: BuildKit ConsistentInstructionCasing', () => {
  ruleTester(rule, {
    valid: [
      { name: 'all upper-case', code: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n' },
      { name: 'all lower-case', code: 'from alpine\nrun echo hello > /greeting.txt\nentrypoint ["cat", "/greeting.txt"]\n' },
    ],
    invalid: [
      {
        name: 'mixed-case keywords are all reported',
        code: 'From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]\n',
        errors: [
          { messageId: 'inconsistent', line: 1 },
          { messageId: 'inconsistent', line: 2 },
          { messageId: 'inconsistent', line: 3, message: "'EntRYpOiNT'" },
        ],
        output: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
      },
    ],
  });
});
