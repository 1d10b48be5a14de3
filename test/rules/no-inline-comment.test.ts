import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import rule from '../../server/src/rules/no-inline-comment';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'trailing shell comment on a single-line RUN', code: 'FROM alpine\nRUN apk add curl # for the healthcheck\n' },
    { name: 'trailing comment on the last line of a continued RUN', code: 'FROM alpine\nRUN apk add \\\n    curl # for the healthcheck\n' },
    { name: 'comment lines inside a continuation', code: 'FROM alpine\nRUN apk add \\\n  # the client\n    curl \\\n    git\n' },
    { name: '# inside quotes', code: 'FROM alpine\nLABEL description="C# tools # and more"\nENV A=\'x # y\'\nRUN echo "# not a comment" \\\n  && echo done\n' },
    { name: '# inside a word (URL fragment, $#, ${#x})', code: 'FROM alpine\nADD https://example.com/repo.git#v1.0 /src\nRUN echo $# ${#HOME} \\\n  && true\n' },
    { name: '# in heredoc bodies', code: 'FROM alpine\nRUN <<EOF\napk add curl # why\necho done\nEOF\nCOPY <<EOF /etc/conf\n# comment\nkey=value # inline\nEOF\n' },
    { name: 'escaped #', code: 'FROM alpine\nENV A=1 \\#B\n' },
    { name: 'the shell test bracket is no JSON', code: 'FROM alpine\nRUN [ -f /etc/os-release ] # check\n' },
    { name: 'shell-form CMD with a trailing comment', code: 'FROM alpine\nCMD ["sh"]\nCMD node server.js # start\n' },
  ],
  invalid: [
    {
      name: 'WORKDIR gets the comment as part of its path',
      code: 'FROM alpine\nWORKDIR /app  # application directory\n',
      errors: [{ messageId: 'argument', line: 2, column: 15, endColumn: 38, severity: 'error', message: "'# application directory' is not a comment here" }],
      output: 'FROM alpine\n# application directory\nWORKDIR /app\n',
    },
    {
      name: 'FROM, EXPOSE and ENV',
      code: df`
        FROM alpine:3.19 AS base # the base
        EXPOSE 80 # http
        ENV A=1 # note
      `,
      errors: [
        { messageId: 'argument', line: 1, column: 26, endColumn: 36 },
        { messageId: 'argument', line: 2, column: 11, endColumn: 17 },
        { messageId: 'argument', line: 3, column: 9, endColumn: 15 },
      ],
      output: '# the base\nFROM alpine:3.19 AS base\n# http\nEXPOSE 80\n# note\nENV A=1\n',
    },
    {
      name: 'JSON-form CMD with a trailing comment stops being JSON',
      code: 'FROM alpine\nCMD ["node", "server.js"] # start\n',
      errors: [{ messageId: 'argument', line: 2, column: 27, endColumn: 34 }],
      output: 'FROM alpine\n# start\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a comment in a continued RUN swallows the following lines (warning)',
      code: 'FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl # for the healthcheck \\\n    && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'swallows', line: 3, column: 29, endColumn: 50 }],
      output: 'FROM debian\n# for the healthcheck\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a comment after the continuation marker ends the instruction',
      code: 'FROM alpine\nRUN apk add curl && \\ # tools\n    rm -rf /var/cache/apk/*\n',
      errors: [{ messageId: 'breaksContinuation', line: 2, column: 23, endColumn: 30, severity: 'error' }],
      output: 'FROM alpine\n# tools\nRUN apk add curl && \\\n    rm -rf /var/cache/apk/*\n',
    },
    {
      name: 'broken continuation followed by a real instruction: no fix (joining would merge two instructions)',
      code: 'FROM alpine\nCOPY a /a \\ # note\nRUN echo\n',
      errors: [{ messageId: 'breaksContinuation', line: 2, column: 13, endColumn: 19 }],
      output: null,
    },
    {
      name: 'comment in a continuation line of COPY',
      code: 'FROM alpine\nCOPY a \\\n     b /dst/ # two files\n',
      errors: [{ messageId: 'argument', line: 3, column: 14, endColumn: 25 }],
      output: 'FROM alpine\n# two files\nCOPY a \\\n     b /dst/\n',
    },
    {
      name: 'no fix when the moved comment would become a parser directive (first instruction, nothing but directives before it)',
      code: 'FROM alpine # escape=`\nRUN echo hi\n',
      errors: [{ messageId: 'argument', line: 1, column: 13, endColumn: 23 }],
      output: null,
    },
    {
      name: 'no fix when only directives come before the instruction',
      code: '# syntax=docker/dockerfile:1\nFROM alpine # check=skip=all\n',
      errors: [{ messageId: 'argument', line: 2, column: 13, endColumn: 29 }],
      output: null,
    },
    {
      name: 'a directive-shaped comment moves above a later instruction (the directives ended before it)',
      code: 'FROM alpine\nWORKDIR /app # escape=`\n',
      errors: [{ messageId: 'argument', line: 2, column: 14, endColumn: 24 }],
      output: 'FROM alpine\n# escape=`\nWORKDIR /app\n',
    },
    {
      name: 'a directive-shaped comment moves where directives are no longer read',
      code: '# syntax=docker/dockerfile:1\n\nFROM alpine # escape=`\n',
      errors: [{ messageId: 'argument', line: 3, column: 13, endColumn: 23 }],
      output: '# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine\n',
    },
    {
      name: 'no fix when the instruction would have no arguments left',
      code: 'FROM alpine\nUSER # nobody\n',
      errors: [{ messageId: 'argument', line: 2, column: 6, endColumn: 14 }],
      output: null,
    },
    {
      name: 'no fix when ENV or LABEL in the key value form would lose its value',
      code: 'FROM alpine\nENV DEBUG # off\nLABEL team # none\n',
      errors: [
        { messageId: 'argument', line: 2, column: 11, endColumn: 16 },
        { messageId: 'argument', line: 3, column: 12, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir && `\n    echo a # note `\n    && echo b\n',
      errors: [{ messageId: 'swallows', line: 4, column: 12, endColumn: 18 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n# note\nRUN dir && `\n    echo a `\n    && echo b\n',
    },
    {
      name: 'indented instruction keeps its indentation for the moved comment',
      code: 'FROM alpine\n  WORKDIR /srv # data\n',
      errors: [{ messageId: 'argument', line: 2, column: 16, endColumn: 22 }],
      output: 'FROM alpine\n  # data\n  WORKDIR /srv\n',
    },
  ],
});

describe('no-inline-comment severities (when the user did not set one)', () => {
  it('is an error outside shell commands and for a broken continuation, a warning for swallowed RUN lines', () => {
    const text = 'FROM alpine\nWORKDIR /app # x\nRUN a \\\n  # full-line comment\n  b # y \\\n  c\nRUN d && \\ # z\n  e\n';
    const problems = lint(text, { rules: [rule] }).problems;
    expect(problems.map((p) => [p.messageId, p.severity, p.range.start.line + 1])).toEqual([
      ['argument', 'error', 2],
      ['swallows', 'warning', 5],
      ['breaksContinuation', 'error', 7],
    ]);
  });
});
