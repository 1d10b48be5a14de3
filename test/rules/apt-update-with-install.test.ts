import { describe } from 'vitest';
import rule from '../../server/src/rules/apt-update-with-install';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'update then upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
    { name: 'a script may install', code: 'FROM debian:12\nRUN apt-get update && ./install-deps.sh\n' },
    { name: 'a setup script of a repository', code: 'FROM node:20\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get update && apt-get install -y nodejs\n' },
  ],
  invalid: [
    {
      name: 'merged into the next RUN, past an ENV',
      code: df`
        FROM debian:12
        RUN apt-get update -qq
        ENV DEBIAN_FRONTEND=noninteractive
        RUN apt-get install -y --no-install-recommends curl \\
         && rm -rf /var/lib/apt/lists/*
      `,
      errors: [{ messageId: 'alone', line: 2, column: 5, endColumn: 19, message: "'apt-get update' installs nothing in this RUN" }],
      output: df`
        FROM debian:12
        ENV DEBIAN_FRONTEND=noninteractive
        RUN apt-get update -qq && apt-get install -y --no-install-recommends curl \\
         && rm -rf /var/lib/apt/lists/*
      `,
    },
    {
      name: 'the next RUN updates itself: the lone update goes',
      code: 'FROM ubuntu:24.04\nRUN apt update\nRUN apt update && apt install -y git\n',
      errors: [{ messageId: 'alone', line: 2, message: "'apt update'" }],
      output: 'FROM ubuntu:24.04\nRUN apt update && apt install -y git\n',
    },
    {
      name: 'followed only by a cleanup: still unused',
      code: 'FROM debian:12\nRUN apt-get update && rm -rf /tmp/*\nCOPY a /a\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'alone', line: 2 }],
      output: null,
    },
    {
      name: 'no later install, or different RUN flags: no fix',
      code: 'FROM debian:12\nRUN apt-get update\nFROM debian:12\nRUN --network=host apt-get update\nRUN apt-get install -y curl\n',
      errors: [
        { messageId: 'alone', line: 2 },
        { messageId: 'alone', line: 4 },
      ],
      output: null,
    },
  ],
});

describe('peer examples: Trivy DS-0017', () => {
  ruleTester(rule, {
    valid: [{ name: 'update and install together', code: 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*\n' }],
    invalid: [
      {
        name: 'update in its own RUN',
        code: 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends mysql-client\n',
        errors: [{ messageId: 'alone' }],
        output: 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client\n',
      },
    ],
  });
});
