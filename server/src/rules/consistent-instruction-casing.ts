import type { Instr } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

/**
 * `k === k.toLowerCase()`, read in place for ASCII keywords (a lint asks for every instruction, and each
 * `toLowerCase` made a new string).
 */
function isLowerCase(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 128) return k === k.toLowerCase();
    if (c >= 65 && c <= 90) return false;
  }
  return true;
}

/** `k === k.toUpperCase()`, like `isLowerCase`. */
function isUpperCase(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 128) return k === k.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

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
      if (isLowerCase(k)) lower++;
      else if (isUpperCase(k)) upper++;
    }
    const majorityLower = lower > upper;
    const casing = majorityLower ? 'lowercase' : 'uppercase';
    const check = (instr: Instr) => {
      const k = instr.keywordText;
      if (majorityLower ? isLowerCase(k) : isUpperCase(k)) return;
      const fixed = majorityLower ? k.toLowerCase() : k.toUpperCase();
      report({
        messageId: 'inconsistent',
        data: { keyword: k, casing },
        range: instr.keywordRange,
        fixes: [{ messageId: 'recase', data: { fixed }, safety: 'safe', edits: [replace(instr.keywordRange, fixed)] }],
      });
    };
    // ONBUILD triggers are not counted (as in BuildKit) but must follow the file's casing too.
    for (const instr of model.instructions) {
      check(instr);
      if (instr.trigger) check(instr.trigger);
    }
  },
});
