import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';

describe('parser directives as BuildKit reads them', () => {
  it('keeps single-word directives at the top', () => {
    const model = buildModel('# syntax=docker/dockerfile:1\n# check=skip=StageNameCasing\nFROM alpine:3.20\n');
    expect(model.directives.map((d) => d.name)).toEqual(['syntax', 'check']);
    expect(model.directiveBlockEnd).toBe(2);
  });

  it('treats a hadolint pragma on the first line as a comment, ending the directive block', () => {
    const model = buildModel('# hadolint ignore=DL3007\n# syntax=docker/dockerfile:1\nFROM alpine:latest\n');
    expect(model.directives).toEqual([]);
    expect(model.directiveBlockEnd).toBe(0);
    expect(model.comments.map((c) => c.text)).toContain('# hadolint ignore=DL3007');
    expect(model.suppressions.all.map((s) => s.kind)).toContain('hadolint');
  });

  it('honours a hadolint pragma on the first line for the rule that shares its semantics', () => {
    const rules = allRules.filter((r) => r.id === 'no-latest-tag');
    expect(rules).toHaveLength(1);
    const config = { cli: { 'no-latest-tag': 'warning' as const } };
    expect(lint('FROM alpine:latest\n', { rules, config }).problems).toHaveLength(1);
    expect(lint('# hadolint ignore=DL3007\nFROM alpine:latest\n', { rules, config }).problems).toEqual([]);
    expect(lint('# hadolint global ignore=DL3007\nFROM alpine:latest\nFROM alpine:latest\n', { rules, config }).problems).toEqual([]);
  });
});
