import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import rule from '../../server/src/rules/unused-suppression';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

// With only this rule enabled no other rule reports, so every known-rule suppression below suppresses nothing.
ruleTester(rule, {
  valid: [
    'FROM alpine\n',
    { name: 'peer pragmas are not ours to judge', code: '# hadolint ignore=DL3006\nFROM alpine\n# check=skip=all\n' },
  ],
  invalid: [
    {
      name: 'an ignore comment that suppresses nothing is removed',
      code: 'FROM alpine:3.19\n# stagelint-ignore unused-suppression -- never\nRUN echo hi\n',
      errors: [{ messageId: 'unused', line: 2, column: 1, endColumn: 47, message: "no 'unused-suppression' problem" }],
      output: 'FROM alpine:3.19\nRUN echo hi\n',
    },
    {
      name: 'unknown rule ids: the only one deletes the comment, one of several is cut out',
      code: df`
        FROM alpine
        # stagelint-ignore-file no-such-rule -- typo
        # stagelint-ignore unused-supression, unused-suppression -- x
        RUN true
      `,
      errors: [
        { messageId: 'unknownRule', line: 2, column: 25, endColumn: 37 },
        { messageId: 'unused', line: 3, column: 1 },
        { messageId: 'unknownRuleSuggest', line: 3, column: 20, endColumn: 37, data: { suggestion: 'unused-suppression' } },
      ],
      output: 'FROM alpine\nRUN true\n',
      fixes: [{ title: "Remove 'unused-supression' from the ignore comment", output: 'FROM alpine\n# stagelint-ignore-file no-such-rule -- typo\n# stagelint-ignore unused-suppression -- x\nRUN true\n' }],
    },
    {
      name: 'an empty ignore comment',
      code: 'FROM alpine\n# stagelint-ignore\nRUN true\n',
      errors: [{ messageId: 'unused', line: 2, message: 'no rule problem' }],
      output: 'FROM alpine\nRUN true\n',
    },
  ],
});

describe('unused-suppression with the other rules running', () => {
  const rules = (ids: string[]) => [rule, ...allRules.filter((r) => ids.includes(r.id))];

  it('keeps a used suppression, but asks for a reason when none is given', () => {
    const text = 'FROM alpine:3.19 AS Build\n# stagelint-ignore stage-name-casing\nFROM alpine:3.19 AS Other\n';
    const problems = lint(text, { rules: rules(['stage-name-casing']) }).problems;
    expect(problems.map((p) => [p.ruleId, p.messageId, p.range.start.line + 1])).toEqual([
      ['stage-name-casing', 'upper', 1],
      ['unused-suppression', 'noReason', 2],
    ]);
  });

  it('says nothing about a used suppression with a reason, or one naming a rule that is turned off', () => {
    const text = 'FROM alpine:3.19\n# stagelint-ignore from-as-casing -- legacy style\nFROM alpine:3.19 as x\n# stagelint-ignore stage-name-casing -- off here\nFROM alpine AS y\n';
    const problems = lint(text, { rules: rules(['from-as-casing', 'stage-name-casing']), config: { file: { rules: { 'stage-name-casing': 'off' } } } }).problems;
    expect(problems).toEqual([]);
  });

  it('honours file and stage scope', () => {
    const text = '# stagelint-ignore-file from-as-casing -- house style\nFROM alpine as a\n# stagelint-ignore-stage from-as-casing -- never used\nFROM alpine AS b\nRUN true\n';
    const problems = lint(text, { rules: rules(['from-as-casing']) }).problems;
    expect(problems.map((p) => [p.ruleId, p.messageId, p.range.start.line + 1])).toEqual([['unused-suppression', 'unused', 3]]);
  });
});
