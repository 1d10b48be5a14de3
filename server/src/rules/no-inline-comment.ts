import { mentions, occurrences } from '../analysis/lineMentions';
import { inlineComments } from '../analysis/inlineComments';
import { defineRule } from '../engine/defineRule';
import { insertLinesBefore } from '../engine/fixes';

export default defineRule({
  id: 'no-inline-comment',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      argument: "'{{comment}}' is not a comment here: Dockerfile comments must start a line, so {{keyword}} receives it as arguments",
      swallows: "This shell comment runs to the end of the whole RUN, so the continuation lines after it never execute",
      breaksContinuation: "The comment after the line continuation ends the instruction, so the next line is parsed as a new instruction",
      move: 'Move the comment to its own line above the instruction',
    },
    docs: {
      summary: 'A # comment must start its own line; elsewhere it becomes arguments or cuts a continued instruction short',
      rationale:
        'Docker only treats `#` as a comment at the start of a line. `WORKDIR /app  # app dir` creates a directory ' +
        'literally named `/app  # app dir`; `EXPOSE 80 # http` and `ENV A=1 # note` fail to build; `FROM ' +
        'alpine # base` is rejected. In a shell-form `RUN` the shell does treat it as a comment, but the shell sees ' +
        'the whole continued instruction as one line, so a comment followed by `\\` silently comments out every ' +
        'line after it (those commands never run). A comment after the continuation marker (`RUN a && \\ # note`) ' +
        'makes the marker no longer the last character, so the instruction ends there and the next line is parsed ' +
        'as an instruction of its own.\n\n' +
        'Reported as an error outside shell commands and for a broken continuation; as a warning for a comment ' +
        'that swallows later `RUN` lines. A trailing comment on the last line of a `RUN`, `#` inside quotes, ' +
        'inside heredoc bodies and inside words (`ADD https://example.com/repo.git#v1.0 /src`) are fine.',
      fixSafety:
        'The comment moves, unchanged, to its own line above the instruction; the instruction keeps everything ' +
        'else. This is what the author meant: the build then uses the intended arguments and runs every line. ' +
        'No fix is offered when the instruction would be left without arguments, when restoring a broken ' +
        'continuation would join the next line although it is an instruction itself, or when a `# name=value` ' +
        'comment would land among the parser directives at the top of the file (it would become one).',
      examples: {
        invalid: [
          'FROM alpine\nWORKDIR /app  # application directory\n',
          'FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl # for the healthcheck \\\n    && rm -rf /var/lib/apt/lists/*\n',
        ],
        valid: [
          'FROM alpine\n# application directory\nWORKDIR /app\nRUN apk add --no-cache curl # for the healthcheck\nLABEL description="C# tools"\n',
        ],
      },
    },
  },
  check({ model, report }) {
    // An inline comment needs a '#' on a line of the instruction: most instructions have none.
    const hashes = occurrences(model, ['#']);
    if (hashes.length === 0) return;
    for (const instr of model.instructions) {
      if (!mentions(model, hashes, instr)) continue;
      for (const comment of inlineComments(model, instr)) {
        const fixes = comment.movable
          ? [
              {
                messageId: 'move' as const,
                safety: 'safe' as const,
                edits: [insertLinesBefore(model, instr.range.start.line, [comment.text]), { range: comment.removeRange, newText: '' }],
              },
            ]
          : [];
        report({
          messageId: comment.kind,
          data: { comment: comment.text, keyword: (instr.trigger ?? instr).keywordText },
          range: comment.range,
          // In a shell command the comment is a real comment; only what it swallows is lost.
          ...(comment.kind === 'swallows' ? { severity: 'warning' as const } : {}),
          fixes,
        });
      }
    }
  },
});
