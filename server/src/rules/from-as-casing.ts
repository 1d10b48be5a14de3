import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'from-as-casing',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'FromAsCasing', relation: 'same' }],
    messages: {
      mismatch: "'{{as}}' does not match the casing of '{{from}}', which makes the file harder to read",
      match: "Write '{{expected}}'",
    },
    docs: {
      summary: "The 'AS' keyword should be cased like its 'FROM' keyword",
      rationale:
        'BuildKit accepts any casing, but mixing `FROM … as` reads as a mistake and BuildKit warns about it ' +
        '(FromAsCasing). Only upper-case or lower-case `FROM` lines are checked; a mixed-case `From` has no ' +
        'casing to match.',
      fixSafety: 'Only the casing of the keyword changes.',
      examples: {
        invalid: ['FROM golang:1.22 as build\n', 'from golang:1.22 AS build\n'],
        valid: ['FROM golang:1.22 AS build\nfrom alpine as runtime\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const from = stage.from;
      const asToken = from.args.length === 3 ? from.args[1] : undefined;
      if (!asToken || asToken.value.toLowerCase() !== 'as') continue;
      const keyword = from.keywordText;
      const expected = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : undefined;
      if (!expected || asToken.value === expected) continue;
      report({
        messageId: 'mismatch',
        data: { as: asToken.value, from: keyword },
        range: asToken.range,
        fixes: [{ messageId: 'match', data: { expected }, safety: 'safe', edits: [replace(asToken.range, expected)] }],
      });
    }
  },
});
