/** Message templates: `{{name}}` placeholders filled from a report's data (templates are split once and reused). */
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../server/src/engine/defineRule';
import { allRules } from '../../server/src/rules';

/** The straightforward definition the split templates must agree with. */
const reference = (template: string, data: Record<string, string | number> | undefined) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (data && key in data ? String(data[key]) : `{{${key}}}`));

describe('formatMessage', () => {
  it.each([
    ['no placeholder', 'Use COPY', { a: 'x' }, 'Use COPY'],
    ['one', "Stage '{{name}}' is unused", { name: 'build' }, "Stage 'build' is unused"],
    ['several, adjacent, at both ends', '{{a}}{{b}} and {{ c }}', { a: 1, b: 'two', c: 3 }, '1two and 3'],
    ['a missing value kept as written', 'Pin {{image}} to {{tag}}', { image: 'alpine' }, 'Pin alpine to {{tag}}'],
    ['no data at all', 'Pin {{ image }}', undefined, 'Pin {{image}}'],
    ['the same template again, other data', "Stage '{{name}}' is unused", { name: 'test' }, "Stage 'test' is unused"],
    ['braces that are no placeholder', 'echo {{}} { {x} } {{-}}', { x: 'y' }, 'echo {{}} { {x} } {{-}}'],
    ['a value with $ and braces is inserted as is', 'Set {{v}}', { v: '$1 {{w}} $&' }, 'Set $1 {{w}} $&'],
  ] as const)('%s', (_, template, data, expected) => {
    expect(formatMessage(template, data)).toBe(expected);
    expect(formatMessage(template, data)).toBe(reference(template, data as Record<string, string | number> | undefined));
  });

  it("formats every rule's messages as the reference does, with and without their data", () => {
    const templates = allRules.flatMap((r) => Object.values(r.meta.messages));
    expect(templates.length).toBeGreaterThan(100);
    for (const template of templates) {
      const names = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
      const data = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i : `<${n}>`]));
      expect(formatMessage(template, data)).toBe(reference(template, data));
      expect(formatMessage(template, {})).toBe(reference(template, {}));
    }
  });
});
