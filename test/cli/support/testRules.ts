/**
 * Small rules with known severities and fixes, so CLI behaviour (exit codes, --fix, hints, formats) is tested
 * independently of what the real registry contains at the moment.
 */
import { defineRule, type AnyRule } from '../../../server/src/engine/defineRule';
import { replace } from '../../../server/src/engine/fixes';

/** error: every ADD (no fix). */
export const noAdd = defineRule({
  id: 'test-no-add',
  meta: {
    category: 'correctness', defaultSeverity: 'error', recommended: true, fix: 'none', since: '0.1.0', stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3020', relation: 'same' }],
    messages: { add: "Use COPY instead of ADD for '{{src}}'" },
    docs: { summary: 'No ADD', rationale: 'ADD does more than copying.', examples: { invalid: ['FROM a:1\nADD x /x\n'], valid: ['FROM a:1\n'] } },
  },
  check({ model, report }) {
    for (const i of model.instructions) {
      if (i.keyword === 'ADD') report({ messageId: 'add', data: { src: i.args[0]?.value ?? '' }, range: i.keywordRange, related: [{ range: i.range, message: 'the whole instruction' }] });
    }
  },
});

/** warning: `sudo ` in RUN, with a safe fix removing it. */
export const noSudo = defineRule({
  id: 'test-no-sudo',
  meta: {
    category: 'security', defaultSeverity: 'warning', recommended: true, fix: 'safe', since: '0.1.0', stability: 'stable',
    sources: [],
    messages: { sudo: "Don't use sudo in RUN, builds run as root already", remove: "Remove 'sudo'" },
    docs: { summary: 'No sudo', rationale: 'Pointless.', examples: { invalid: ['FROM a:1\nRUN sudo ls\n'], valid: ['FROM a:1\n'] } },
  },
  check({ model, report }) {
    for (const i of model.instructions) {
      if (i.keyword !== 'RUN') continue;
      for (const a of i.args) {
        if (a.value !== 'sudo') continue;
        const end = { line: a.range.end.line, character: a.range.end.character + 1 };
        report({ messageId: 'sudo', range: a.range, fixes: [{ messageId: 'remove', safety: 'safe', edits: [replace({ start: a.range.start, end }, '')] }] });
      }
    }
  },
});

/** info: `:latest`, with an unsafe fix pinning it to `:1`. */
export const noLatest = defineRule({
  id: 'test-no-latest',
  meta: {
    category: 'suspicious', defaultSeverity: 'info', recommended: true, fix: 'unsafe', since: '0.1.0', stability: 'stable',
    sources: [],
    messages: { latest: "Image '{{image}}' floats", pin: "Pin '{{image}}' to ':1'" },
    docs: { summary: 'No latest', rationale: 'Floats.', examples: { invalid: ['FROM a:latest\n'], valid: ['FROM a:1\n'] } },
  },
  check({ model, report }) {
    for (const s of model.stages) {
      const base = s.base;
      if (base.kind !== 'image' || !base.text.endsWith(':latest')) continue;
      const start = { line: base.range.end.line, character: base.range.end.character - 'latest'.length };
      report({ messageId: 'latest', data: { image: base.text }, range: base.range, fixes: [{ messageId: 'pin', data: { image: base.text }, safety: 'unsafe', edits: [replace({ start, end: base.range.end }, '1')] }] });
    }
  },
});

/** hint: no .dockerignore beside the Dockerfile, with a safe fix creating one. */
export const needIgnore = defineRule({
  id: 'test-need-ignore',
  meta: {
    category: 'performance', defaultSeverity: 'hint', recommended: true, fix: 'safe', since: '0.1.0', stability: 'stable',
    sources: [],
    messages: { missing: 'No .dockerignore: the whole folder is sent as build context', create: 'Create a .dockerignore' },
    docs: { summary: 'Need .dockerignore', rationale: 'Context size.', examples: { invalid: ['FROM a:1\n'], valid: ['FROM a:1\n'] } },
  },
  check({ model, files, report }) {
    const first = model.instructions[0];
    if (files.dockerignore !== null || !first) return;
    report({ messageId: 'missing', range: first.keywordRange, fixes: [{ messageId: 'create', safety: 'safe', edits: [], createFiles: [{ path: '.dockerignore', content: '.git\nnode_modules\n' }] }] });
  },
});

export const TEST_RULES: readonly AnyRule[] = [needIgnore, noAdd, noLatest, noSudo];
