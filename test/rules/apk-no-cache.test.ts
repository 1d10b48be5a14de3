import { describe } from 'vitest';
import rule from '../../server/src/rules/apk-no-cache';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'a cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'the cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n' },
    { name: 'installing from what is there (--no-network)', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps so:libssl.so.3\n' },
    { name: 'a builder stage', code: 'FROM alpine:3.20 AS build\nRUN apk add build-base\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc curl\n',
      errors: [{ messageId: 'cache', line: 2, column: 19, endColumn: 26 }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache --virtual .deps gcc curl\n',
    },
    {
      name: 'sh -c string',
      code: 'FROM python:3.12-alpine\nRUN ["/bin/sh", "-c", "apk add git"]\n',
      errors: [{ messageId: 'cache', line: 2 }],
      output: 'FROM python:3.12-alpine\nRUN ["/bin/sh", "-c", "apk add --no-cache git"]\n',
    },
  ],
});

describe('peer examples: hadolint DL3019', () => {
  ruleTester(rule, {
    valid: [{ name: 'with --no-cache', code: 'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\n' }],
    invalid: [
      {
        name: 'without --no-cache',
        code: 'FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\n',
        errors: [{ messageId: 'cache' }],
        output: 'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\n',
      },
    ],
  });
});
