import rule from '../../server/src/rules/no-undefined-arg-in-from';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n',
    { name: 'predefined platform args and defaults via modifiers', code: 'FROM --platform=$BUILDPLATFORM golang:${GO:-1.22}\nFROM alpine:${TARGETARCH}\n' },
    { name: 'default naming an earlier stage or scratch', code: 'ARG STAGE=base\nARG EMPTY=scratch\nFROM alpine AS base\nFROM ${STAGE}\nFROM ${EMPTY}\n' },
    { name: 'default built from a build-time value', code: 'ARG ARCH=${TARGETARCH}\nFROM alpine:${ARCH}\n' },
  ],
  invalid: [
    {
      name: 'a variable split by a line continuation is placed on both lines',
      code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VER\\\nSON}-alpine\n',
      errors: [{ messageId: 'undefinedSuggest', line: 2, column: 11, endLine: 3, endColumn: 5, data: { suggestion: 'NODE_VERSION' } }],
    },
    {
      name: 'undeclared variable, with a near-miss suggestion',
      code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\nFROM --platform=$BUILDPLATFOM alpine\n',
      errors: [
        { messageId: 'undefinedSuggest', line: 2, column: 11, endColumn: 25, data: { suggestion: 'NODE_VERSION' } },
        { messageId: 'undefinedSuggest', line: 3, column: 17, endColumn: 30, data: { suggestion: 'BUILDPLATFORM' } },
      ],
    },
    {
      name: 'undeclared variable without a suggestion; ARG inside a stage does not count',
      code: 'FROM alpine\nARG IMG=x\nFROM $IMG\n',
      errors: [{ messageId: 'undefined', line: 3, column: 6, endColumn: 10 }],
    },
    {
      name: 'no default: empty or invalid with the defaults',
      code: 'ARG BASE\nARG TAG\nFROM ${BASE}\nFROM golang:$TAG\n',
      errors: [
        { messageId: 'emptyDefault', line: 3, column: 6, endColumn: 13, message: "unless --build-arg sets 'BASE'" },
        { messageId: 'invalidDefault', line: 4, column: 6, endColumn: 17, message: "becomes 'golang:'" },
      ],
    },
  ],
});
