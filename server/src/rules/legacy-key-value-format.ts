import type { DockerfileModel, Instr } from '../analysis/model';
import { splitWords } from '../analysis/wordValue';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

interface Legacy {
  readonly key: string;
  /** The value as written (everything after the key). */
  readonly value: string;
  /** The `key=value` replacement, when it evaluates to the same value. */
  readonly rewrite: string | undefined;
}

/**
 * `ENV key value` / `LABEL key value`: BuildKit takes the first word as the key and the whole rest of the line
 * as the value when the first word has no `=`.
 */
function legacyForm(model: DockerfileModel, instr: Instr): Legacy | undefined {
  const first = instr.args[0];
  if (!first || first.value.includes('=')) return undefined;
  const rest = model.textOf({ start: first.range.start, end: instr.range.end });
  const m = /^(\S+)\s+([\s\S]*\S)\s*$/.exec(rest);
  if (!m) return undefined; // `ENV key` alone is a syntax error, reported elsewhere
  const key = m[1]!;
  const value = m[2]!;
  const esc = model.escapeChar;
  let rewrite: string | undefined;
  const multiLine = instr.range.start.line !== instr.range.end.line;
  const plainKey = /^[A-Za-z0-9_.\-/]+$/.test(key);
  if (!multiLine && plainKey) {
    // One word (quotes balanced, no blank outside them) keeps its meaning after `key=`; a plain text with
    // blanks does once double-quoted. Anything else (quotes mixed with blanks) is left to the user.
    if (splitWords(value, esc).length === 1) rewrite = `${key}=${value}`;
    else if (!/["'`\\]/.test(value) && !value.includes(esc)) rewrite = `${key}="${value}"`;
  }
  return { key, value, rewrite };
}

export default defineRule({
  id: 'legacy-key-value-format',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'LegacyKeyValueFormat', relation: 'same' }],
    messages: {
      legacy: "'{{keyword}} {{key}} …' uses the deprecated space-separated form; write '{{keyword}} {{key}}=…'",
      rewrite: "Write '{{keyword}} {{rewrite}}'",
    },
    docs: {
      summary: 'ENV and LABEL use the key=value form',
      rationale:
        '`ENV key value` (and `LABEL key value`) sets one variable to the whole rest of the line, spaces ' +
        'included, while `ENV key=value other=value` sets several: the two forms look alike and behave ' +
        'differently, which is why the space-separated one is deprecated.',
      fixSafety:
        'The fix writes `key=value` when the value is one word, and `key="value"` when it contains blanks but no ' +
        'quotes or escapes, so the variable keeps exactly the same value. Other values (mixing quotes and ' +
        'blanks, or spread over continuation lines) are only reported.',
      examples: {
        invalid: ['FROM alpine:3.20\nENV GOPATH /go\n', 'FROM alpine:3.20\nLABEL description A small image\n'],
        valid: ['FROM alpine:3.20\nENV GOPATH=/go\nLABEL description="A small image"\n'],
      },
    },
  },
  check({ model, report }) {
    for (const top of model.instructions) {
      const instr = top.trigger ?? top;
      if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL') continue;
      const legacy = legacyForm(model, instr);
      if (!legacy) continue;
      const range = { start: instr.args[0]!.range.start, end: instr.range.end };
      report({
        messageId: 'legacy',
        data: { keyword: instr.keywordText, key: legacy.key },
        range,
        fixes: legacy.rewrite
          ? [{ messageId: 'rewrite', data: { keyword: instr.keywordText, rewrite: legacy.rewrite }, safety: 'safe', edits: [replace(range, legacy.rewrite)] }]
          : [],
      });
    }
  },
});
