import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { closest } from '../engine/config';
import { defineRule } from '../engine/defineRule';
import { lineText, removeLines, replace } from '../engine/fixes';

export default defineRule({
  id: 'unused-suppression',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      unused: "This ignore comment suppresses nothing: no {{ids}} problem is reported where it applies",
      unknownRule: "Unknown rule '{{id}}' in ignore comment, so it suppresses nothing",
      unknownRuleSuggest: "Unknown rule '{{id}}' in ignore comment (did you mean '{{suggestion}}'?), so it suppresses nothing",
      noReason: "This ignore comment gives no reason; add one after ' -- ' so readers know why the problem is accepted",
      remove: 'Remove the ignore comment',
      removeId: "Remove '{{id}}' from the ignore comment",
    },
    docs: {
      summary: 'Ignore comments must suppress something, name existing rules and give a reason',
      rationale:
        'An ignore comment that no longer suppresses anything (the problem was fixed, the rule renamed, or the ' +
        'comment drifted away from its instruction) hides future problems of that rule at that place and misleads ' +
        'readers. A reason after ` -- ` (`# stagelint-ignore no-root-final-stage -- the base image drops ' +
        'privileges at start`) keeps the decision reviewable. Only stagelint comments are checked; hadolint and ' +
        'BuildKit pragmas belong to those tools. Comments naming rules that are turned off are not called unused.',
      fixSafety: 'Removing a comment that suppresses nothing, or an unknown rule id from it, changes no result.',
      examples: {
        invalid: ['FROM alpine:3.19\n# stagelint-ignore no-stage-cycle -- not needed\nRUN echo hi\n', 'FROM alpine:3.19\n# stagelint-ignore-file no-such-rule -- typo\n'],
        valid: ['FROM alpine:3.19\nRUN echo hi\n'],
      },
    },
  },
  phase: 'afterSuppression',
  check({ model, report, suppressionUsage }) {
    if (!suppressionUsage) return;
    const known = [...suppressionUsage.rules.keys()];
    for (const s of model.suppressions.all) {
      if (s.kind !== 'stagelint') continue;
      const unknown = s.ids.filter((i) => !suppressionUsage.rules.has(i.id));
      for (const id of unknown) {
        const suggestion = closest(id.id, known);
        const edits = s.ids.length === unknown.length && unknown.length === 1 ? [removeLines(model, s.range.start.line, s.range.end.line)] : [removeIdEdit(model, s.range.start.line, id.range)];
        report({
          messageId: suggestion ? 'unknownRuleSuggest' : 'unknownRule',
          data: { id: id.id, ...(suggestion ? { suggestion } : {}) },
          range: id.range,
          fixes: [{ messageId: 'removeId', data: { id: id.id }, safety: 'safe', edits }],
        });
      }
      const knownIds = s.ids.filter((i) => suppressionUsage.rules.has(i.id));
      // A comment naming only unknown rules is reported above, id by id.
      if (s.ids.length > 0 && knownIds.length === 0) continue;
      if (!suppressionUsage.used.has(s)) {
        // A rule that is turned off did not run, so it is unknown whether the comment would suppress something.
        const allRan = knownIds.every((i) => (suppressionUsage.config.get(i.id)?.severity ?? 'off') !== 'off');
        if (!allRan) continue;
        report({
          messageId: 'unused',
          data: { ids: knownIds.length === 0 ? 'rule' : knownIds.map((i) => `'${i.id}'`).join(', ') },
          range: s.range,
          fixes: [{ messageId: 'remove', safety: 'safe', edits: [removeLines(model, s.range.start.line, s.range.end.line)] }],
        });
      } else if (s.reason === undefined) {
        report({ messageId: 'noReason', range: s.range });
      }
    }
  },
});

/** Removes one id from an ignore comment together with the comma that separates it from its neighbour. */
function removeIdEdit(model: DockerfileModel, line: number, range: Range) {
  const text = lineText(model, line);
  const before = /\s*,\s*$/.exec(text.slice(0, range.start.character))?.[0];
  if (before) return replace({ start: { line, character: range.start.character - before.length }, end: range.end }, '');
  const after = /^\s*,\s*/.exec(text.slice(range.end.character))?.[0] ?? '';
  return replace({ start: range.start, end: { line, character: range.end.character + after.length } }, '');
}
