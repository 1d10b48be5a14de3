import type { DockerfileModel, Instr } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import { lineText, removeLines } from '../engine/fixes';

/** Blank lines inside `instr`'s continuation, heredoc bodies excluded (blank lines are content there). */
function emptyContinuationLines(model: DockerfileModel, instr: Instr): number[] {
  // Only lines strictly between the first and the last can be empty continuation lines.
  if (instr.range.end.line - instr.range.start.line < 2) return [];
  // A heredoc body may start right after the first line; everything from its first body line on is heredoc.
  let firstHeredocLine = Number.MAX_SAFE_INTEGER;
  for (const h of instr.heredocs) {
    if (h.contentRange && h.contentRange.start.line <= h.contentRange.end.line) firstHeredocLine = Math.min(firstHeredocLine, h.contentRange.start.line);
  }
  const lines: number[] = [];
  for (let l = instr.range.start.line + 1; l < instr.range.end.line; l++) {
    if (l >= firstHeredocLine) break;
    if (isBlankLine(model, l)) lines.push(l);
  }
  return lines;
}

const BLANKS = /\s*/y;

/** `lineText(model, line).trim() === ''`, read in place: the line up to the next one's start is all white space. */
function isBlankLine(model: DockerfileModel, line: number): boolean {
  BLANKS.lastIndex = model.document.offsetAt({ line, character: 0 });
  BLANKS.test(model.text);
  return BLANKS.lastIndex >= model.document.offsetAt({ line: line + 1, character: 0 });
}

/** Consecutive line numbers grouped into `[from, to]` runs. */
function runs(lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && last[1] === l - 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

export default defineRule({
  id: 'no-empty-continuation',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'NoEmptyContinuation', relation: 'same' }],
    messages: {
      empty: 'Empty line inside a continued {{keyword}}: BuildKit skips it today but will reject it in a future release',
      remove: 'Remove the empty continuation lines',
    },
    docs: {
      summary: 'No empty lines inside an instruction continued with the escape character',
      rationale:
        'After a line ending in `\\`, an empty line is skipped and the instruction goes on below it. That ' +
        'support is deprecated: a future BuildKit release will end the instruction there, and the next line ' +
        'becomes an unknown instruction. Remove the empty line, or write a comment line instead (comment ' +
        'lines inside a continuation are fine). Blank lines inside heredoc bodies are content and not reported.',
      fixSafety: 'The builder already ignores these lines; removing them changes nothing.',
      examples: {
        invalid: ['FROM alpine:3.20\nRUN apk add \\\n\n    gnupg \\\n\n    curl\n'],
        valid: ['FROM alpine:3.20\nRUN apk add \\\n    # signatures\n    gnupg \\\n    curl\n'],
      },
    },
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      const lines = emptyContinuationLines(model, instr);
      const first = lines[0];
      if (first === undefined) continue;
      report({
        messageId: 'empty',
        data: { keyword: instr.keyword },
        range: { start: { line: first, character: 0 }, end: { line: first, character: lineText(model, first).length } },
        related: [{ range: instr.keywordRange, message: `The continued ${instr.keyword}` }],
        fixes: [{ messageId: 'remove', safety: 'safe', edits: runs(lines).map(([from, to]) => removeLines(model, from, to)) }],
      });
    }
  },
});
