import rule from '../../server/src/rules/no-reserved-stage-name';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: ['FROM scratch\nFROM alpine AS scratchpad\nFROM alpine AS build-context\n', 'FROM alpine\n'],
  invalid: [
    { code: 'FROM scratch AS scratch\n', errors: [{ messageId: 'reserved', line: 1, column: 17, endColumn: 24 }] },
    { name: 'case-insensitive', code: 'FROM alpine AS Context\n', errors: [{ messageId: 'reserved', line: 1, column: 16, endColumn: 23, data: { name: 'Context' } }] },
  ],
});
