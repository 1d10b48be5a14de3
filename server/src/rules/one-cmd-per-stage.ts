import type { Instr } from '../analysis/model';
import { stagePhrase } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';
import { removeInstruction } from '../engine/fixes';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export default defineRule({
  id: 'one-cmd-per-stage',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'MultipleInstructionsDisallowed', relation: 'same' },
      { tool: 'hadolint', id: 'DL4003', relation: 'same' },
      { tool: 'hadolint', id: 'DL4004', relation: 'same' },
      { tool: 'hadolint', id: 'DL3012', relation: 'same' },
    ],
    messages: {
      overridden: "This {{keyword}} has no effect: the {{keyword}} on line {{line}} replaces it in {{stage}}",
      remove: 'Remove the overridden {{keyword}}',
    },
    docs: {
      summary: 'A stage should have at most one CMD, ENTRYPOINT and HEALTHCHECK',
      rationale:
        'An image has one command, one entrypoint and one health check: only the last `CMD`, `ENTRYPOINT` or ' +
        '`HEALTHCHECK` of a stage counts, and the earlier ones are silently ignored. They usually are left-overs ' +
        'that make the reader believe something runs that never does. The rule reports the earlier ones (the ' +
        'ones that are ignored), as BuildKit does. `HEALTHCHECK CMD …` is a health check, not a second `CMD`.',
      fixSafety:
        'Removing an instruction that a later one of the same kind replaces does not change the image: the ' +
        'later one sets the same configuration field.',
      examples: {
        invalid: ['FROM alpine:3.20\nCMD echo "Hello, Norway!"\nCMD echo "Hello, Sweden!"\n'],
        valid: ['FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1\nCMD ["httpd", "-f"]\n'],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of ONCE) {
        const all: Instr[] = stage.instructions.filter((i) => i.keyword === keyword);
        const last = all[all.length - 1];
        if (!last) continue;
        for (const earlier of all.slice(0, -1)) {
          report({
            messageId: 'overridden',
            data: { keyword, line: last.range.start.line + 1, stage: stagePhrase(stage) },
            range: earlier.range,
            tags: ['unnecessary'],
            related: [{ range: last.range, message: `The ${keyword} that takes effect` }],
            fixes: [{ messageId: 'remove', data: { keyword }, safety: 'safe', edits: [removeInstruction(model, earlier)] }],
          });
        }
      }
    }
  },
});
