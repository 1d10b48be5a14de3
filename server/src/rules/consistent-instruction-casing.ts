import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'consistent-instruction-casing',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'ConsistentInstructionCasing', relation: 'same' }],
    messages: {
      inconsistent: "Instruction '{{keyword}}' should be {{casing}}, like most instructions in this file",
      recase: "Write '{{fixed}}'",
    },
    docs: {
      summary: 'Instruction keywords use one casing throughout the file: all upper-case or all lower-case',
      rationale:
        'Keywords are case-insensitive, but a file that mixes `RUN`, `run` and `Run` is harder to scan. As in ' +
        "BuildKit's ConsistentInstructionCasing check, the casing most keywords already use wins (upper-case on a " +
        'tie), and a keyword in mixed case (`Run`) is always reported. The instruction after `ONBUILD` must follow the same casing.',
      fixSafety: 'Changing the case of a keyword never changes what the instruction does.',
      examples: {
        invalid: ['From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]\n'],
        valid: [
          'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
          'from alpine\nrun echo hello > /greeting.txt\nentrypoint ["cat", "/greeting.txt"]\n',
        ],
      },
    },
  },
  check({ model, report }) {
    let lower = 0;
    let upper = 0;
    for (const instr of model.instructions) {
      const k = instr.keywordText;
      if (k === k.toLowerCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    const casing = majorityLower ? 'lowercase' : 'uppercase';
    // ONBUILD triggers are not counted (as in BuildKit) but must follow the file's casing too.
    const all = model.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
    for (const instr of all) {
      const k = instr.keywordText;
      const fixed = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === fixed) continue;
      report({
        messageId: 'inconsistent',
        data: { keyword: k, casing },
        range: instr.keywordRange,
        fixes: [{ messageId: 'recase', data: { fixed }, safety: 'safe', edits: [replace(instr.keywordRange, fixed)] }],
      });
    }
  },
});
