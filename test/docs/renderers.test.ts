/** The generators on a made-up rule that uses every metadata feature (options, unsafe fix, peers, related). */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../server/src/engine/docsAnnotate';
import { renderRulesIndex } from '../../server/src/engine/docsIndex';
import { renderRuleDoc } from '../../server/src/engine/docsRulePage';
import { manifestRuleProperties, renderConfigSchema, updateManifestText } from '../../server/src/engine/docsSchema';
import { defineRule, type AnyRule } from '../../server/src/engine/defineRule';
import { replace } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/engine/lint';

const pinRule = defineRule<'floating' | 'pin', { allow: string[] }>({
  id: 'pin-base-image',
  meta: {
    category: 'suspicious', defaultSeverity: 'warning', recommended: false, fix: 'unsafe', since: '0.1.0', stability: 'preview',
    sources: [
      { tool: 'hadolint', id: 'DL3007', relation: 'same' },
      { tool: 'buildkit', id: 'FromPlatformFlagConstDisallowed', relation: 'inspired' },
    ],
    messages: { floating: "Image '{{image}}' is not pinned", pin: "Pin '{{image}}' to ':1'" },
    docs: {
      summary: 'Base images | should be pinned',
      rationale: 'Floating tags change under you.',
      fixSafety: 'Pinning picks `:1`, which may not be the version you tested.',
      examples: { invalid: ['FROM node:latest\n'], valid: ['FROM node:20\n'] },
      related: ['other-rule'],
    },
  },
  options: {
    schema: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Images that may float.' } } },
    defaults: { allow: [] },
  },
  check({ model, options, report }) {
    for (const s of model.stages) {
      if (s.base.kind !== 'image' || !s.base.text.endsWith(':latest') || options.allow.includes(s.base.text)) continue;
      const { range, text } = s.base;
      const start = { line: range.end.line, character: range.end.character - 6 };
      report({ messageId: 'floating', data: { image: text }, range, fixes: [{ messageId: 'pin', data: { image: text }, safety: 'unsafe', edits: [replace({ start, end: range.end }, '1')] }] });
    }
  },
});
const otherRule = defineRule({
  id: 'other-rule',
  meta: {
    category: 'style', defaultSeverity: 'hint', recommended: true, fix: 'none', since: '0.1.0', stability: 'stable', sources: [],
    messages: { x: 'X' },
    docs: { summary: 'Other', rationale: 'Other.', examples: { invalid: ['FROM a\n'], valid: ['FROM b\n'] } },
  },
  check() {},
});
const rules: AnyRule[] = [otherRule, pinRule];

describe('renderRuleDoc', () => {
  const page = renderRuleDoc(pinRule, rules);

  it('has the fixed layout', () => {
    let inFence = false;
    const headings = page.split('\n').filter((l) => {
      if (l.startsWith('```')) inFence = !inFence;
      return !inFence && l.startsWith('#');
    });
    expect(headings).toEqual([
      '# pin-base-image', '## What it does', '## Why', '## Examples', '### ❌ Invalid', '### ✅ Valid',
      '## Fix safety', '## Options', '### `allow`', '## Suppressing', '## Related rules',
    ]);
    expect(page).toContain('**Category:** suspicious · **Default severity:** warning · **Recommended:** no · **Fix:** unsafe · **Since:** 0.1.0 · **Stability:** preview');
    expect(page).toContain('Same as hadolint [DL3007](https://github.com/hadolint/hadolint/wiki/DL3007). Inspired by BuildKit [FromPlatformFlagConstDisallowed](https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/).');
  });

  it('shows the invalid example annotated, and the unsafe fix output', () => {
    expect(page).toContain("```text\nFROM node:latest\n     ~~~~~~~~~~~ warning: Image 'node:latest' is not pinned\n                 fix (unsafe): Pin 'node:latest' to ':1'\n```");
    expect(page).not.toContain('After `stagelint --fix`:');
    expect(page).toContain('After `stagelint --fix --unsafe-fixes`:\n\n```dockerfile\nFROM node:1\n```');
  });

  it('documents fix safety, options, suppressions (peer comments only for `same`) and related rules', () => {
    expect(page).toContain('Pinning picks `:1`');
    expect(page).toContain('Type: `string[]` · Default: `[]`\n\nImages that may float.');
    expect(page).toContain('"pin-base-image": [\n      "warning",\n      {\n        "allow": []');
    expect(page).toContain('# hadolint ignore=DL3007');
    expect(page).not.toContain('check=skip=FromPlatformFlagConstDisallowed');
    expect(page).toMatch(/## Related rules\n\n- \[other-rule\]\(other-rule\.md\)\n$/);
  });
});

describe('annotate', () => {
  it('underlines multi-line ranges line by line, keeps tabs, labels the last line', () => {
    const text = 'RUN a \\\n\tb\n';
    const problem = (start: [number, number], end: [number, number], message: string) => ({
      ruleId: 'r', severity: 'error' as const, messageId: 'm', message, tags: [], fixes: [], related: [],
      range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } },
    });
    const out = annotate(text, [problem([0, 4], [1, 2], 'whole'), problem([1, 1], [1, 2], 'after the tab')]);
    expect(out).toBe('RUN a \\\n    ~~~\n\tb\n~~ error: whole\n\t~ error: after the tab\n');
  });
});

describe('renderRulesIndex', () => {
  it('groups rules by category in CATEGORIES order and escapes table cells', () => {
    const index = renderRulesIndex(rules);
    expect(index.indexOf('## Suspicious')).toBeLessThan(index.indexOf('## Style'));
    expect(index).toContain('| [pin-base-image](pin-base-image.md) | Base images \\| should be pinned | warning |  | unsafe | hadolint DL3007 · BuildKit FromPlatformFlagConstDisallowed ~ |');
    expect(index).toContain('2 rules.');
  });
});

describe('configuration schemas', () => {
  const schema = JSON.parse(renderConfigSchema(rules)) as { additionalProperties: boolean; properties: { rules: { additionalProperties: boolean; properties: Record<string, { anyOf: unknown[] }> } } };

  it('describes every rule: severity, [severity], and [severity, options] when the rule has options', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.rules.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.rules.properties)).toEqual(['other-rule', 'pin-base-image']);
    expect(schema.properties.rules.properties['other-rule']!.anyOf).toHaveLength(2);
    expect(schema.properties.rules.properties['pin-base-image']!.anyOf[2]).toEqual({
      type: 'array', minItems: 2, maxItems: 2,
      items: [{ $ref: '#/definitions/severity' }, { additionalProperties: false, type: 'object', properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Images that may float.' } } }],
    });
  });

  it('updates only stagelint.rules properties in the manifest, keeping everything else', () => {
    const manifest = { name: 'x', contributes: { configuration: [{ title: 'a', properties: { 'stagelint.enable': { type: 'boolean' }, 'stagelint.rules': { type: 'object', properties: {} } } }] }, z: 1 };
    const text = updateManifestText(JSON.stringify(manifest), rules)!;
    expect(text.endsWith('}\n')).toBe(true);
    const updated = JSON.parse(text) as typeof manifest;
    expect(Object.keys(updated)).toEqual(['name', 'contributes', 'z']);
    expect(updated.contributes.configuration[0]!.properties['stagelint.enable']).toEqual({ type: 'boolean' });
    expect(updated.contributes.configuration[0]!.properties['stagelint.rules'].properties).toEqual(manifestRuleProperties(rules));
    expect(manifestRuleProperties(rules)['pin-base-image']).toEqual({ type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], description: 'Base images | should be pinned' });
    expect(updateManifestText('{"contributes": {}}', rules)).toBeUndefined();
  });
});

describe('the made-up rule works (so the page above shows real output)', () => {
  it('honours its option', () => {
    const run = (allow: string[]) => lint('FROM node:latest\n', { rules: [pinRule], config: { file: { rules: { 'pin-base-image': ['warning', { allow }] } } } }).problems.length;
    expect(run([])).toBe(1);
    expect(run(['node:latest'])).toBe(0);
  });
});
