import { describe } from 'vitest';
import rule from '../../server/src/rules/json-args-recommended';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    { name: 'SHELL in a parent stage', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi\n' },
    { name: 'a HEALTHCHECK CMD is not CMD', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'an ONBUILD CMD runs in children', code: 'FROM alpine:3.20\nONBUILD CMD echo hi\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCMD node server.js --port 8080\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endColumn: 31, message: "Shell-form CMD runs under '/bin/sh -c'" }],
      output: 'FROM node:20\nCMD ["node", "server.js", "--port", "8080"]\n',
    },
    {
      name: 'quotes are removed and JSON-escaped; lower-case keyword',
      code: 'FROM nginx:1.27\nentrypoint nginx -g "daemon off;" -c \'/etc/a b.conf\'\n',
      errors: [{ messageId: 'shellForm', line: 2 }],
      output: 'FROM nginx:1.27\nentrypoint ["nginx", "-g", "daemon off;", "-c", "/etc/a b.conf"]\n',
    },
    {
      name: 'shell syntax: reported, not converted',
      code: df`
        FROM python:3.12
        CMD gunicorn -b 0.0.0.0:$PORT app:app
        FROM python:3.12
        CMD python manage.py migrate && python manage.py runserver
        FROM python:3.12
        CMD ./run *.py > /tmp/log
      `,
      errors: [
        { messageId: 'shellForm', line: 2 },
        { messageId: 'shellForm', line: 4 },
        { messageId: 'shellForm', line: 6 },
      ],
      output: null,
    },
    {
      name: 'a CMD that feeds an ENTRYPOINT, an ENTRYPOINT with a CMD: not converted',
      code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["/entry.sh"]\nCMD serve\nFROM alpine:3.20\nENTRYPOINT app\nCMD ["--help"]\n',
      errors: [
        { messageId: 'shellForm', line: 3 },
        { messageId: 'shellForm', line: 5 },
      ],
      output: null,
    },
    {
      name: 'JSON with single quotes is shell form',
      code: "FROM alpine:3.20\nCMD ['sh']\n",
      errors: [{ messageId: 'shellForm', line: 2 }],
      output: null,
    },
  ],
});

describe('peer examples: BuildKit JSONArgsRecommended', () => {
  ruleTester(rule, {
    valid: [
      { name: 'exec form', code: 'FROM alpine\nENTRYPOINT ["my-program", "start"]\n' },
      { name: 'a wrapper script in exec form', code: 'FROM alpine\nRUN apk add bash\nCOPY --chmod=755 <<EOT /entrypoint.sh\n#!/usr/bin/env bash\nset -e\nmy-background-process &\nmy-program start\nEOT\nENTRYPOINT ["/entrypoint.sh"]\n' },
      { name: 'the shell set explicitly', code: 'FROM alpine\nRUN apk add bash\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n' },
    ],
    invalid: [
      {
        name: 'the ENTRYPOINT does not receive signals',
        code: 'FROM alpine\nENTRYPOINT my-program start\n',
        errors: [{ messageId: 'shellForm' }],
        output: 'FROM alpine\nENTRYPOINT ["my-program", "start"]\n',
      },
    ],
  });
});

describe('peer examples: hadolint DL3025', () => {
  ruleTester(rule, {
    valid: [{ name: 'CMD in exec form', code: 'FROM debian:12\nCMD ["/bin/sh", "-c", "echo foo"]\n' }],
    invalid: [{ name: 'CMD in shell form', code: 'FROM debian:12\nCMD /bin/sh -c "echo foo"\n', errors: [{ messageId: 'shellForm' }], output: 'FROM debian:12\nCMD ["/bin/sh", "-c", "echo foo"]\n' }],
  });
});
