import rule from '../../server/src/rules/definition-description';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'descriptions that start with the name', code: '# VERSION of the tool\nARG VERSION=1\n# build compiles the binary\nFROM golang:1.22 AS build\n' },
    { name: 'any of the names of a multi-name ARG', code: '# B is the second one\nARG A=1 B=2\n' },
    { name: 'the name alone', code: '# VERSION\nARG VERSION\n' },
    { name: 'a blank line separates the comment', code: '# tools we need\n\nARG VERSION=1\n' },
    { name: 'an empty # line separates the comment', code: '# not a description\n#\nFROM alpine AS base\n' },
    { name: 'an unnamed stage has nothing to describe', code: '# the runtime image\nFROM alpine\n' },
    { name: 'other instructions are not definitions', code: 'FROM alpine\n# install curl\nRUN apk add curl\n' },
    { name: 'parser directives are no comments', code: '# syntax=docker/dockerfile:1\n# check=experimental=InvalidDefinitionDescription\nARG VERSION=1\n' },
    { name: 'ignore comments are no descriptions', code: 'FROM alpine\n# stagelint-ignore no-secrets-in-arg-env -- not a secret\nARG TOKEN_URL\n# hadolint ignore=DL3006\nFROM alpine AS two\n' },
    { name: 'a comment after an instruction on the same line', code: 'FROM alpine\nRUN true # done\nARG X\n' },
    { name: 'a comment inside the previous instruction\'s continuation', code: 'FROM alpine\nRUN true \\\n  # note\n  && true\nARG X\n' },
    { name: 'another line of the block starts with the name (the outline finds it)', code: '# VERSION is the tool version.\n# It must be a released tag.\nARG VERSION=1\n' },
  ],
  invalid: [
    {
      name: 'an ARG name split by a line continuation',
      code: '# the version to install\nARG VER\\\nSION=1.2\n',
      errors: [{ messageId: 'arg', line: 2, column: 5, endLine: 3, endColumn: 5, data: { name: 'VERSION' } }],
      output: null,
    },
    {
      name: 'a comment above an ARG that does not start with its name',
      code: '# the version to install\nARG VERSION=1.2\n',
      errors: [{ messageId: 'arg', line: 2, column: 5, endLine: 2, endColumn: 12, data: { name: 'VERSION' } }],
      output: null,
    },
    {
      name: 'a comment block above a named stage',
      code: df`
        FROM alpine AS base
        # compile the binary
        # and run the tests
        FROM base AS build
      `,
      errors: [{ messageId: 'stage', line: 4, column: 14, endColumn: 19, data: { name: 'build' } }],
    },
    {
      name: 'stage names compare in lower case, as BuildKit stores them',
      code: '# Builder compiles the binary\nFROM golang:1.22 AS Builder\n',
      errors: [{ messageId: 'stage', line: 2, column: 21, data: { name: 'builder' } }],
    },
    {
      name: 'ARG names compare as written',
      code: 'FROM alpine\n  # version of the tool\n  ARG VERSION\n',
      errors: [{ messageId: 'arg', line: 3, column: 7 }],
    },
    {
      name: 'the name must start a line of the block and be followed by text',
      code: '# the tool version\n# VERSION\n# must be a tag\nARG VERSION=1\n',
      errors: [{ messageId: 'arg', line: 4, column: 5 }],
    },
    {
      name: 'a name followed by a tab is no separate word for BuildKit',
      code: '# VERSION\tof the tool\nARG VERSION\n',
      errors: [{ messageId: 'arg', line: 2 }],
    },
  ],
});

// Examples from BuildKit's InvalidDefinitionDescription documentation, restated.
ruleTester(rule, {
  valid: [
    { name: 'BuildKit docs: descriptions right above the stage and the argument', code: '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n' },
    { name: 'BuildKit docs: blank lines keep plain comments apart', code: '# a non-descriptive comment\n\nFROM scratch AS base\n\n# another non-descriptive comment\n\nARG VERSION=1\n' },
  ],
  invalid: [
    {
      name: 'BuildKit docs: plain comments right above FROM and ARG',
      code: '# a non-descriptive comment\nFROM scratch AS base\n\n# another non-descriptive comment\nARG VERSION=1\n',
      errors: [{ messageId: 'stage', line: 2, column: 17 }, { messageId: 'arg', line: 5, column: 5 }],
    },
  ],
});
