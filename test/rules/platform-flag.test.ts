import { describe } from 'vitest';
import rule from '../../server/src/rules/platform-flag';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.22 AS build\n',
    { name: 'another variable', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n' },
    { name: 'TARGETPLATFORM with more text is not the default', code: 'FROM --platform=${TARGETPLATFORM}/v8 alpine:3.20\n' },
    { name: 'stage named after the architecture', code: 'FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n' },
    { name: 'stage named after the OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows\n' },
    { name: 'stage named after a normalised architecture', code: 'FROM --platform=linux/x86_64 alpine:3.20 AS build_amd64\n' },
    { name: 'an unparsable value fails the build elsewhere', code: 'FROM --platform=not*a/platform alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\nRUN true\n',
      errors: [{ messageId: 'redundant', line: 1, column: 6, endColumn: 32 }],
      output: 'FROM alpine:3.20 AS builder\nRUN true\n',
    },
    {
      name: 'braces, lower-case keyword, several blanks',
      code: 'from   --platform=${TARGETPLATFORM}   node:20\n',
      errors: [{ messageId: 'redundant', line: 1, column: 8 }],
      output: 'from   node:20\n',
    },
    {
      code: 'FROM --platform=linux/amd64 alpine:3.20 AS base\n',
      errors: [{ messageId: 'constant', line: 1, column: 6, endColumn: 28, message: "'--platform=linux/amd64' pins" }],
      output: null,
    },
    {
      name: 'a bare architecture and a stage without a name',
      code: 'FROM --platform=arm64 alpine:3.20\nFROM --platform=linux alpine:3.20 AS x\n',
      errors: [
        { messageId: 'constant', line: 1 },
        { messageId: 'constant', line: 2 },
      ],
    },
  ],
});

describe('peer examples: BuildKit RedundantTargetPlatform / FromPlatformFlagConstDisallowed', () => {
  ruleTester(rule, {
    valid: [
      { name: 'no --platform', code: 'FROM alpine AS builder\nRUN apk add --no-cache git\n' },
      { name: 'a meta variable', code: 'FROM --platform=${BUILDPLATFORM} alpine AS base\nRUN apk add --no-cache git\n' },
      {
        name: 'per-architecture stages selected by TARGETARCH',
        code: df`
          FROM --platform=linux/amd64 alpine AS build_amd64
          RUN true
          FROM --platform=linux/arm64 alpine AS build_arm64
          RUN true
          FROM build_\${TARGETARCH} AS build
        `,
      },
    ],
    invalid: [
      {
        name: '$TARGETPLATFORM is the default',
        code: 'FROM --platform=$TARGETPLATFORM alpine AS builder\nRUN apk add --no-cache git\n',
        errors: [{ messageId: 'redundant' }],
        output: 'FROM alpine AS builder\nRUN apk add --no-cache git\n',
      },
      {
        name: 'a constant platform',
        code: 'FROM --platform=linux/amd64 alpine AS base\nRUN apk add --no-cache git\n',
        errors: [{ messageId: 'constant' }],
      },
    ],
  });
});

describe('peer examples: hadolint DL3029 / DL3065', () => {
  ruleTester(rule, {
    valid: [{ name: 'DL3029: BUILDPLATFORM passes', code: 'FROM --platform=$BUILDPLATFORM debian:12\n' }],
    invalid: [
      { name: 'DL3029: a constant platform', code: 'FROM --platform=linux/amd64 debian:12\n', errors: [{ messageId: 'constant' }] },
      { name: 'DL3065: TARGETPLATFORM is redundant', code: 'FROM --platform=$TARGETPLATFORM debian:12\n', errors: [{ messageId: 'redundant' }], output: 'FROM debian:12\n' },
    ],
  });
});
