import rule from '../../server/src/rules/no-duplicate-stage-name';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    df`
      FROM alpine AS a
      FROM alpine AS b
    `,
    'FROM alpine\nFROM alpine\n',
  ],
  invalid: [
    {
      name: 'same name in another case collides (BuildKit lower-cases names)',
      code: df`
        FROM golang:1.22 AS build
        FROM node:20 AS Build
      `,
      errors: [{ messageId: 'duplicate', line: 2, column: 17, endColumn: 22, message: "stage build on line 1" }],
    },
    {
      code: df`
        FROM alpine AS x
        FROM alpine AS x
        FROM alpine AS X
      `,
      errors: [
        { messageId: 'duplicate', line: 2 },
        { messageId: 'duplicate', line: 3 },
      ],
    },
  ],
});
