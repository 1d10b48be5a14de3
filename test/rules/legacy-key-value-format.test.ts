import { describe } from 'vitest';
import rule from '../../server/src/rules/legacy-key-value-format';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL a=b\n',
    { name: 'ARG is not the legacy form (ARG a b declares two args)', code: 'FROM alpine:3.20\nARG a b\n' },
    { name: 'a lone key is a syntax error, not this rule', code: 'FROM alpine:3.20\nENV A\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV GOPATH /go\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, endColumn: 15, message: "'ENV GOPATH …'" }],
      output: 'FROM alpine:3.20\nENV GOPATH=/go\n',
    },
    {
      name: 'a value with blanks is quoted; variables still expand inside double quotes',
      code: 'FROM alpine:3.20\nLABEL description A small   image for $APP\n',
      errors: [{ messageId: 'legacy', line: 2 }],
      output: 'FROM alpine:3.20\nLABEL description="A small   image for $APP"\n',
    },
    {
      name: 'one quoted word is kept as written',
      code: "FROM alpine:3.20\nenv MSG 'hello world'\n",
      errors: [{ messageId: 'legacy', line: 2, message: "'env MSG …'" }],
      output: "FROM alpine:3.20\nenv MSG='hello world'\n",
    },
    {
      name: 'a value with = stays the value',
      code: 'FROM alpine:3.20\nENV JAVA_OPTS -Dx=1\n',
      errors: [{ messageId: 'legacy', line: 2 }],
      output: 'FROM alpine:3.20\nENV JAVA_OPTS=-Dx=1\n',
    },
    {
      name: 'quotes mixed with blanks: reported without a fix',
      code: 'FROM alpine:3.20\nENV MSG "a b" c\n',
      errors: [{ messageId: 'legacy', line: 2 }],
      output: null,
    },
    {
      name: 'continuation lines: reported without a fix',
      code: 'FROM alpine:3.20\nENV PATH \\\n  /usr/bin\n',
      errors: [{ messageId: 'legacy', line: 2, endLine: 3 }],
      output: null,
    },
    {
      name: 'ONBUILD ENV',
      code: 'FROM alpine:3.20\nONBUILD ENV A b\n',
      errors: [{ messageId: 'legacy', line: 2, column: 13 }],
      output: 'FROM alpine:3.20\nONBUILD ENV A=b\n',
    },
  ],
});

describe('peer examples: BuildKit LegacyKeyValueFormat', () => {
  ruleTester(rule, {
    valid: [{ name: 'an equals sign separates key and value', code: 'FROM alpine\nENV foo=bar\n' }],
    invalid: [
      {
        name: 'a space separates key and value',
        code: 'FROM alpine\nENV foo bar\n',
        errors: [{ messageId: 'legacy' }],
        output: 'FROM alpine\nENV foo=bar\n',
      },
      {
        name: 'LABEL in the legacy form',
        code: 'FROM alpine\nLABEL maintainer me\n',
        errors: [{ messageId: 'legacy' }],
        output: 'FROM alpine\nLABEL maintainer=me\n',
      },
    ],
  });
});
