import rule from '../../server/src/rules/from-as-casing';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: ['FROM alpine AS a\nfrom alpine as b\n', { name: 'mixed-case FROM has no casing to match', code: 'From alpine as a\nFrom alpine AS b\n' }, 'FROM alpine\n'],
  invalid: [
    {
      code: 'FROM golang:1.22 as build\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 18, endColumn: 20, message: "'as' does not match the casing of 'FROM'" }],
      output: 'FROM golang:1.22 AS build\n',
    },
    {
      code: 'from golang:1.22 As build\nfrom alpine AS run\n',
      errors: [
        { messageId: 'mismatch', line: 1, column: 18, endColumn: 20 },
        { messageId: 'mismatch', line: 2, column: 13, endColumn: 15 },
      ],
      output: 'from golang:1.22 as build\nfrom alpine as run\n',
    },
  ],
});
