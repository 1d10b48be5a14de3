/**
 * Small rules with every kind of fix, so the LSP tests exercise quick fixes, fix-all, unsafe fixes, file
 * creation and failures independently of the real catalog (whose rules are tested in test/rules/).
 */
import { defineRule, type AnyRule } from '../../server/src/engine/defineRule';
import { replace, removeInstruction } from '../../server/src/engine/fixes';
import { allRules } from '../../server/src/rules';

const docs = (summary: string) => ({
  summary,
  rationale: 'Test rule.',
  examples: { invalid: ['from alpine\n'], valid: ['FROM alpine\n'] },
});

/** Lower-case keywords; one safe fix each, so several in a file allow "Fix all". */
export const keywordCase = defineRule({
  id: 'demo-keyword-case',
  meta: {
    category: 'style', defaultSeverity: 'warning', recommended: true, fix: 'safe', since: '0.1.0', stability: 'stable', sources: [],
    messages: { lower: "Keyword '{{keyword}}' is not upper case", upper: "Write '{{upper}}'" },
    docs: docs('Keywords are upper case'),
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if (instr.keywordText === instr.keyword) continue;
      report({
        messageId: 'lower', data: { keyword: instr.keywordText }, range: instr.keywordRange,
        fixes: [{ messageId: 'upper', data: { upper: instr.keyword }, safety: 'safe', edits: [replace(instr.keywordRange, instr.keyword)] }],
      });
    }
  },
});

/** MAINTAINER: a safe and an unsafe fix, tagged deprecated, with related information. */
export const maintainer = defineRule({
  id: 'demo-maintainer',
  meta: {
    category: 'style', defaultSeverity: 'info', recommended: true, fix: 'unsafe', since: '0.1.0', stability: 'stable', sources: [],
    messages: { deprecated: 'MAINTAINER is deprecated', label: 'Replace with a LABEL', remove: 'Remove MAINTAINER' },
    docs: docs('No MAINTAINER'),
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const value = model.textOf(instr.range).slice(instr.keywordText.length).trim();
      report({
        messageId: 'deprecated', range: instr.range, tags: ['deprecated'],
        related: instr.stage ? [{ range: instr.stage.from.range, message: 'in this stage' }] : [],
        fixes: [
          { messageId: 'label', safety: 'safe', edits: [replace(instr.range, `LABEL maintainer="${value}"`)] },
          { messageId: 'remove', safety: 'unsafe', edits: [removeInstruction(model, instr)] },
        ],
      });
    }
  },
});

/** A `hint` with the unnecessary tag and only an unsafe fix: EXPOSE without a port. */
export const emptyExpose = defineRule({
  id: 'demo-unused-expose',
  meta: {
    category: 'suspicious', defaultSeverity: 'hint', recommended: true, fix: 'unsafe', since: '0.1.0', stability: 'stable', sources: [],
    messages: { unused: 'EXPOSE 0 publishes nothing', remove: 'Remove the EXPOSE' },
    docs: docs('No EXPOSE 0'),
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'EXPOSE' || instr.args[0]?.value !== '0') continue;
      report({ messageId: 'unused', range: instr.range, tags: ['unnecessary'], fixes: [{ messageId: 'remove', safety: 'unsafe', edits: [removeInstruction(model, instr)] }] });
    }
  },
});

/** COPY . without a .dockerignore: a fix that only creates a file. */
export const needsIgnoreFile = defineRule({
  id: 'demo-needs-dockerignore',
  meta: {
    category: 'performance', defaultSeverity: 'warning', recommended: true, fix: 'safe', since: '0.1.0', stability: 'stable', sources: [],
    messages: { missing: 'No .dockerignore beside the Dockerfile', create: 'Create .dockerignore' },
    docs: docs('A .dockerignore exists'),
  },
  check({ model, files, report }) {
    if (files.dockerignore !== null) return;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || instr.args[0]?.value !== '.') continue;
      report({
        messageId: 'missing', range: instr.range,
        fixes: [{ messageId: 'create', safety: 'safe', edits: [], createFiles: [{ path: '.dockerignore', content: '.git\nnode_modules\n' }] }],
      });
    }
  },
});

/** Throws on every file containing `BOOM`. */
export const throwing = defineRule({
  id: 'demo-throws',
  meta: {
    category: 'correctness', defaultSeverity: 'error', recommended: true, fix: 'none', since: '0.1.0', stability: 'stable', sources: [],
    messages: { never: 'never reported' },
    docs: docs('Throws'),
  },
  check({ model }) {
    if (model.text.includes('BOOM')) throw new Error('rule exploded');
  },
});

/** Stages no target needs (depends on the configured targets). */
export const unreachable = defineRule({
  id: 'demo-unreachable',
  meta: {
    category: 'suspicious', defaultSeverity: 'warning', recommended: true, fix: 'none', since: '0.1.0', stability: 'stable', sources: [],
    messages: { unreachable: "Stage '{{stage}}' is not built" },
    docs: docs('Every stage is built'),
  },
  check({ model, report }) {
    for (const stage of model.stages) if (!model.isReachable(stage)) report({ messageId: 'unreachable', data: { stage: stage.label }, range: stage.from.range });
  },
});

export const duplicateStageName = allRules.find((r) => r.id === 'no-duplicate-stage-name')!;
export const unusedSuppression = allRules.find((r) => r.id === 'unused-suppression');

export const demoRules: readonly AnyRule[] = [keywordCase, maintainer, emptyExpose, needsIgnoreFile, throwing, duplicateStageName];
