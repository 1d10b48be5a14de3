import { describe, expect, it } from 'vitest';
import { fix, lint, rules } from '../../server/src/api';

const twoTargets = 'FROM alpine:3.20 AS tools\nRUN echo tools\nFROM alpine:3.20 AS app\nCMD ["true"]\n';

describe('programmatic API', () => {
  it('lints with the default rule set and honours severity overrides', () => {
    const on = lint('FROM alpine:3.20 AS Build\n').problems.map((p) => p.ruleId);
    expect(on).toContain('stage-name-casing');
    const off = lint('FROM alpine:3.20 AS Build\n', { rules: { 'stage-name-casing': 'off' } }).problems.map((p) => p.ruleId);
    expect(off).not.toContain('stage-name-casing');
  });

  it('lint and fix see the same targets, from the config file and from options', () => {
    const unreachable = (problems: readonly { ruleId: string }[]) => problems.filter((p) => p.ruleId === 'no-unreachable-stage');
    const rulesOn = { 'no-unreachable-stage': 'hint' } as const;
    expect(unreachable(lint(twoTargets, { rules: rulesOn }).problems)).toHaveLength(1);
    expect(unreachable(lint(twoTargets, { rules: rulesOn, config: { targets: ['tools'] } }).problems)).toHaveLength(0);
    expect(unreachable(lint(twoTargets, { rules: rulesOn, targets: ['tools'] }).problems)).toHaveLength(0);
    // The unsafe "remove the stage" fix must not remove a configured target.
    expect(fix(twoTargets, { rules: rulesOn, unsafe: true, config: { targets: ['tools'] } }).output).toContain('AS tools');
  });

  it('applies safe fixes only unless asked', () => {
    const text = 'FROM alpine:3.20 as build\nFROM alpine:3.20\nCOPY --from=build /a /a\n';
    expect(fix(text).output).toContain('AS build');
  });

  it('lists every rule with its metadata', () => {
    expect(rules.length).toBeGreaterThan(40);
    for (const r of rules) expect(r.docs.summary.length).toBeGreaterThan(0);
  });
});
