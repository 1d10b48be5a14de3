import type { DockerfileModel, Instr } from '../analysis/model';
import { argumentText } from '../analysis/wordValue';
import { defineRule } from '../engine/defineRule';
import { keywordLike, removeInstruction, replace } from '../engine/fixes';

const AUTHORS = 'org.opencontainers.image.authors';

/** The MAINTAINER text as written; continuation lines are joined with a blank. */
function maintainerText(model: DockerfileModel, instr: Instr): string {
  const first = instr.args[0];
  const last = instr.args[instr.args.length - 1];
  if (!first || !last) return '';
  if (first.range.start.line === last.range.end.line) return argumentText(model, instr);
  return instr.args.map((a) => a.value).filter((v) => v !== model.escapeChar).join(' ');
}

/** `text` as a double-quoted Dockerfile word: quotes, `$` and the escape character are escaped. */
function quoted(text: string, esc: string): string {
  let out = '';
  for (const c of text) out += c === '"' || c === '$' || c === esc ? esc + c : c;
  return `"${out}"`;
}

function setsAuthorsLabel(instr: Instr): boolean {
  return instr.keyword === 'LABEL' && instr.args.some((a) => a.value.replace(/^["']/, '').startsWith(`${AUTHORS}=`));
}

export default defineRule({
  id: 'no-maintainer',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'MaintainerDeprecated', relation: 'same' },
      { tool: 'hadolint', id: 'DL4000', relation: 'same' },
    ],
    messages: {
      deprecated: "MAINTAINER is deprecated: tools read the image author from the '" + AUTHORS + "' label",
      toLabel: "Replace with LABEL " + AUTHORS,
      remove: 'Remove MAINTAINER (the stage already sets the authors label)',
    },
    docs: {
      summary: 'Use the OCI authors label instead of the deprecated MAINTAINER instruction',
      rationale:
        '`MAINTAINER` only fills the legacy `Author` field of the image config, which registries, scanners and ' +
        '`docker inspect --format` users no longer look at. The OCI annotation ' +
        '`org.opencontainers.image.authors` is where tools expect the author today.',
      fixSafety:
        'The fix writes the same text into `LABEL ' + AUTHORS + '="…"` (quotes, `$` and the escape character ' +
        'escaped, because `LABEL` expands variables and `MAINTAINER` does not). When the stage already sets that ' +
        'label, it only removes the `MAINTAINER` line.',
      examples: {
        invalid: ['FROM alpine:3.20\nMAINTAINER moby@example.com\n'],
        valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="moby@example.com"\n'],
      },
    },
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const stageInstrs = instr.stage ? [instr.stage.from, ...instr.stage.instructions] : [];
      const hasLabel = stageInstrs.some(setsAuthorsLabel);
      const keyword = keywordLike(instr, 'LABEL');
      const text = maintainerText(model, instr);
      const fix = hasLabel
        ? { messageId: 'remove' as const, safety: 'safe' as const, edits: [removeInstruction(model, instr)] }
        : {
            messageId: 'toLabel' as const,
            safety: 'safe' as const,
            edits: [replace({ start: instr.keywordRange.start, end: instr.range.end }, `${keyword} ${AUTHORS}=${quoted(text, model.escapeChar)}`)],
          };
      report({
        messageId: 'deprecated',
        range: instr.keywordRange,
        tags: ['deprecated'],
        fixes: text || hasLabel ? [fix] : [],
      });
    }
  },
});
