import { describe } from 'vitest';
import rule from '../../server/src/rules/apt-no-install-recommends';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'the apt option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'a builder stage is not shipped', code: df`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      FROM debian:12-slim
      COPY --from=build /out /out
    ` },
    { name: 'apt configured by an earlier RUN', code: df`
      FROM ubuntu:24.04
      RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/00-no-recommends
      RUN apt-get update && apt-get install -y curl
    ` },
    { name: 'no packages named (apt-get install -f)', code: 'FROM debian:12\nRUN apt-get install -f -y\n' },
    { name: 'a simulated install', code: 'FROM debian:12\nRUN if apt-get install -s postgresql-jit > /dev/null 2>&1; then echo yes; fi\n' },
    { name: 'other package managers', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 54, endColumn: 69, message: "'apt-get install' also installs" }],
      output: 'FROM debian:12-slim\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'a stage the final image is built FROM counts; continuation lines; apt',
      code: df`
        FROM ubuntu:24.04 AS base
        RUN apt update \\
         && apt install -y \\
              ca-certificates
        FROM base
        CMD ["bash"]
      `,
      errors: [{ messageId: 'recommends', line: 3, column: 5, endColumn: 16, message: "'apt install'" }],
      output: df`
        FROM ubuntu:24.04 AS base
        RUN apt update \\
         && apt install --no-install-recommends -y \\
              ca-certificates
        FROM base
        CMD ["bash"]
      `,
    },
    {
      name: 'inside sh -c and in exec form: fix only where the words are shell words',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y git"]\nRUN ["apt-get", "install", "-y", "make"]\n',
      errors: [
        { messageId: 'recommends', line: 2 },
        { messageId: 'recommends', line: 3 },
      ],
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install --no-install-recommends -y git"]\nRUN ["apt-get", "install", "-y", "make"]\n',
    },
    {
      name: 'a configured build target is a final image too',
      code: 'FROM debian:12 AS test\nRUN apt-get install -y git\nFROM debian:12\n',
      targets: ['test'],
      errors: [{ messageId: 'recommends', line: 2 }],
    },
  ],
});

describe('peer examples: hadolint DL3015', () => {
  ruleTester(rule, {
    valid: [{ name: 'with the option', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends python=2.7\n' }],
    invalid: [
      {
        name: 'without the option',
        code: 'FROM debian:12\nRUN apt-get install -y python=2.7\n',
        errors: [{ messageId: 'recommends' }],
        output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y python=2.7\n',
      },
    ],
  });
});
