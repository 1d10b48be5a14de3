import { describe } from 'vitest';
import rule from '../../server/src/rules/workdir-absolute';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR "/app dir"\n',
    { name: 'relative after absolute in the same stage', code: 'FROM golang:1.22\nWORKDIR /src\nWORKDIR cmd/app\n' },
    { name: 'relative after absolute in the parent stage', code: df`
      FROM golang:1.22 AS base
      WORKDIR /src
      FROM base AS build
      WORKDIR cmd/app
    ` },
    { name: 'a value only known at build time', code: 'FROM node:20\nWORKDIR $HOME/app\nARG DIR\nWORKDIR $DIR\n' },
    { name: 'an ENV with an absolute value', code: 'FROM node:20\nENV APP=/srv/app\nWORKDIR ${APP}\n' },
    { name: 'Windows paths', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
    { name: 'Windows paths with forward slashes', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR c:/app\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nWORKDIR app\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endColumn: 12, message: "WORKDIR 'app' is relative" }],
    },
    {
      name: 'only the first relative WORKDIR of a stage is reported; each unrelated stage on its own',
      code: df`
        FROM alpine:3.20 AS a
        WORKDIR src
        WORKDIR lib
        FROM alpine:3.20
        WORKDIR ./x
      `,
      errors: [
        { messageId: 'relative', line: 2 },
        { messageId: 'relative', line: 5, message: "'./x'" },
      ],
    },
    {
      name: 'a stage built FROM a stage without absolute WORKDIR',
      code: 'FROM alpine:3.20 AS a\nRUN true\nFROM a\nWORKDIR x\n',
      errors: [{ messageId: 'relative', line: 4 }],
    },
    {
      name: 'an ARG default that is relative',
      code: 'FROM alpine:3.20\nARG DIR=build\nWORKDIR ${DIR}\n',
      errors: [{ messageId: 'relative', line: 3, message: "'build'" }],
    },
  ],
});

describe('peer examples: BuildKit WorkdirRelativePath', () => {
  ruleTester(rule, {
    valid: [{ name: 'a leading slash', code: 'FROM nginx AS web\nWORKDIR /usr/share/nginx/html\nCOPY public .\n' }],
    invalid: [
      {
        name: 'assumes that the base image works in /',
        code: 'FROM nginx AS web\nWORKDIR usr/share/nginx/html\nCOPY public .\n',
        errors: [{ messageId: 'relative', line: 2 }],
      },
    ],
  });
});

describe('peer examples: hadolint DL3000', () => {
  ruleTester(rule, {
    valid: [
      { name: 'absolute', code: 'FROM debian:12\nWORKDIR /usr/src/app\n' },
      { name: 'a variable', code: 'FROM debian:12\nWORKDIR $PROJECT_HOME\n' },
      { name: 'quoted absolute', code: 'FROM debian:12\nWORKDIR "/home/user"\n' },
    ],
    invalid: [{ name: 'relative', code: 'FROM debian:12\nWORKDIR usr/src/app\n', errors: [{ messageId: 'relative' }] }],
  });
});
