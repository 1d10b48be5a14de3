import { describe } from 'vitest';
import rule from '../../server/src/rules/no-cd-in-run';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nRUN npm ci\n',
    { name: 'a subshell', code: 'FROM golang:1.22\nRUN (cd tools && go build ./...)\n' },
    { name: 'a variable target', code: 'FROM debian:12\nRUN dir="$(mktemp -d)" && cd "$dir" && make\n' },
    { name: 'scratch directories', code: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xf x.tgz\n' },
    { name: 'a temporary checkout', code: 'FROM debian:12\nRUN git clone https://e.com/x /usr/src/x && cd /usr/src/x && make install && rm -rf /usr/src\n' },
    { name: 'cd - and cd alone', code: 'FROM debian:12\nRUN cd - && cd\n' },
    { name: 'navigation inside a longer script', code: 'FROM debian:12\nRUN curl -fsSLO https://e.com/x.tgz && tar xf x.tgz -C /usr/src && cd /usr/src/x && make\n' },
    { name: 'back to / or ..', code: 'FROM debian:12\nRUN cd / && make\nRUN cd .. && make\n' },
    { name: 'a mounted directory', code: 'FROM debian:12\nRUN --mount=type=cache,target=/installTmp cd /installTmp && ./install.sh\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n',
      errors: [{ messageId: 'cd', line: 3, column: 5, endColumn: 12, message: "'cd /app' only lasts" }],
    },
    {
      name: 'only the cd opening a RUN; relative paths; after set and sourcing; ONBUILD',
      code: 'FROM python:3.12\nRUN cd src && python setup.py install && cd ../docs && make\nRUN set -eux; . /venv/bin/activate && cd /app && make\nONBUILD RUN cd /app && make\n',
      errors: [
        { messageId: 'cd', line: 2, message: "'cd src'" },
        { messageId: 'cd', line: 3, column: 39 },
        { messageId: 'cd', line: 4, column: 13 },
      ],
    },
  ],
});

describe('peer examples: hadolint DL3003', () => {
  ruleTester(rule, {
    valid: [{ name: 'WORKDIR instead', code: 'FROM busybox\nWORKDIR /usr/src/app\nRUN git checkout develop\n' }],
    invalid: [{ name: 'cd in RUN', code: 'FROM busybox\nRUN cd /usr/src/app && git checkout develop\n', errors: [{ messageId: 'cd' }] }],
  });
});
