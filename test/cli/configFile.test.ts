import { describe, expect, it } from 'vitest';
import { formatConfigProblem, parseConfigText } from '../../server/src/engine/configFile';
import { defineRule } from '../../server/src/engine/defineRule';
import { parseJsonWithLocations } from '../../server/src/engine/jsonLocations';
import { allRules } from '../../server/src/rules';

const at = (text: string) => {
  const r = parseConfigText(text, allRules);
  return r.problems.map((p) => formatConfigProblem('c.json', p));
};

describe('parseJsonWithLocations', () => {
  it('parses what JSON.parse parses, with positions of values and keys', () => {
    const text = '{\n  "a": [1, -2.5e3, "x\\n\\u00e9"],\n  "b": {"c": null, "d": true}\n}\n';
    const r = parseJsonWithLocations(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.locate(['a', 1])?.value).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 17 } });
    expect(r.locate(['b', 'd'])?.key).toEqual({ start: { line: 2, character: 19 }, end: { line: 2, character: 22 } });
  });

  it.each([
    ['{"a": 1,}', 'trailing comma is not allowed in JSON', 8],
    ['{"a": 1 "b": 2}', "expected ',' or '}' after property value, found '\"'", 8],
    ["{'a': 1}", "expected a property name in double quotes, found '''", 1],
    ['{"a": yes}', "unexpected 'yes' (strings must be in double quotes)", 6],
    ['{"a": 1} // x', 'comments are not allowed in JSON', 9],
    ['{"a": [1, 2}', "expected ',' or ']' after array element, found '}'", 11],
    ['{"a": "x', 'unterminated string', 6],
    ['', 'unexpected end of file, expected a value', 0],
    ['{} {}', "unexpected '{' after the end of the JSON value", 3],
  ])('reports %j as a syntax error at the offending character', (text, message, character) => {
    const r = parseJsonWithLocations(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(message);
    expect(r.error.range.start).toEqual({ line: 0, character });
  });

  it('skips a byte order mark and keeps "__proto__" as a plain key', () => {
    const r = parseJsonWithLocations('\ufeff{"__proto__": {"x": 1}}');
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseConfigText', () => {
  it('accepts a valid config and returns it', () => {
    const r = parseConfigText('{"extends": "all", "rules": {"no-duplicate-stage-name": "warning"}, "targets": ["test"]}', allRules);
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual({ extends: 'all', rules: { 'no-duplicate-stage-name': 'warning' }, targets: ['test'] });
  });

  it('points syntax errors at line and column', () => {
    expect(at('{\n  "rules": {\n    "no-duplicate-stage-name": "off",\n  }\n}\n')).toEqual(['c.json:4:3: trailing comma is not allowed in JSON']);
    expect(parseConfigText('{', allRules).syntaxError).toBe(true);
  });

  it('points unknown names at the key and bad values at the value', () => {
    const text = '{\n  "rulez": {},\n  "extends": "strict",\n  "rules": {\n    "no-duplicate-stage-nam": "off",\n    "no-duplicate-stage-name": "loud"\n  }\n}\n';
    expect(at(text)).toEqual([
      "c.json:2:3: unknown property 'rulez' (expected one of $schema, extends, rules, targets, ignorePatterns)",
      "c.json:3:14: 'extends' must be one of 'recommended', 'all'",
      "c.json:5:5: unknown rule 'no-duplicate-stage-nam' (did you mean 'no-duplicate-stage-name'?)",
      'c.json:6:32: invalid severity "loud" for \'no-duplicate-stage-name\' (use error, warning, info, hint or off)',
    ]);
  });

  it('reports duplicate properties and a non-object root', () => {
    expect(at('{"targets": [], "targets": ["a"]}')).toEqual(["c.json:1:17: duplicate property 'targets' (the last one wins)"]);
    expect(at('[1]')).toEqual(['c.json:1:1: the configuration must be a JSON object']);
  });

  it('keeps the usable part when some entries are invalid', () => {
    const r = parseConfigText('{"targets": "test", "ignorePatterns": ["vendor/**"]}', allRules);
    expect(r.config).toEqual({ ignorePatterns: ['vendor/**'] });
    expect(r.problems.map((p) => p.message)).toEqual(["'targets' must be an array of strings"]);
  });
});

describe('parseConfigText: rule options', () => {
  const withOptions = defineRule<'m', { allow: string[] }>({
    id: 'test-with-options',
    meta: {
      category: 'style', defaultSeverity: 'info', recommended: true, fix: 'none', since: '0.1.0', stability: 'preview', sources: [],
      messages: { m: 'm' },
      docs: { summary: 's', rationale: 'r', examples: { invalid: ['FROM a\n'], valid: ['FROM a\n'] } },
    },
    options: { schema: { type: 'object', properties: { allow: { type: 'array' } } }, defaults: { allow: [] } },
    check() {},
  });
  const rules = [withOptions, ...allRules];
  const parse = (rulesJson: string) => parseConfigText(`{"rules": ${rulesJson}}`, rules);

  it('keeps valid options', () => {
    const r = parse('{"test-with-options": ["warning", {"allow": ["x"]}]}');
    expect(r.problems).toEqual([]);
    expect(r.config.rules).toEqual({ 'test-with-options': ['warning', { allow: ['x'] }] });
  });

  it('reports an unknown option at its key and keeps the setting (unknown keys are ignored when merging)', () => {
    const r = parse('{"test-with-options": ["warning", {"allwo": ["x"]}]}');
    expect(r.problems.map((p) => formatConfigProblem('c.json', p))).toEqual(["c.json:1:46: unknown option 'allwo' for 'test-with-options'"]);
    expect(r.config.rules).toEqual({ 'test-with-options': ['warning', { allwo: ['x'] }] });
  });

  it('drops options that are not an object, or given to a rule without options, and keeps the severity', () => {
    const r = parse('{"test-with-options": ["error", 3], "no-duplicate-stage-name": ["warning", {}]}');
    expect(r.problems.map((p) => p.message)).toEqual([
      "options for 'test-with-options' must be an object",
      "rule 'no-duplicate-stage-name' takes no options",
    ]);
    expect(r.config.rules).toEqual({ 'test-with-options': 'error', 'no-duplicate-stage-name': 'warning' });
  });
});
