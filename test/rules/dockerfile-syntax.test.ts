// The model parses with dockerfile-ast's Parser class (see astParser.ts), so a failing parse is simulated there.
import { Parser } from 'dockerfile-ast/lib/parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import rule from '../../server/src/rules/dockerfile-syntax';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'several sources into a dot directory (BuildKit accepts it)', code: 'FROM alpine\nCOPY a b .\nADD x y z ./\n' },
    { name: 'all BuildKit flags', code: df`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      COPY --from=build --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md --exclude=*.txt src/ /src/
      ADD --checksum=sha256:abc --keep-git-dir=true --unpack=false --link=false https://example.com/x.tgz /x/
      RUN --mount=type=cache,target=/root/.cache,sharing=locked,id=go --mount=type=secret,id=npmrc,required --network=none --security=sandbox go build
      HEALTHCHECK --interval=30s --timeout=1m30s --start-period=5s --start-interval=500ms --retries=3 CMD curl -f http://localhost/
    ` },
    { name: 'HEALTHCHECK NONE and CMD in JSON form', code: 'FROM alpine\nHEALTHCHECK NONE\nFROM alpine\nHEALTHCHECK CMD ["true"]\n' },
    { name: 'ENV and LABEL forms', code: 'FROM alpine\nENV A=1 B="two words" C=\nENV LEGACY value with spaces\nLABEL a=b "c d"=e\n' },
    { name: 'ARG before FROM, several ARGs on one line', code: 'ARG A=1 B\nFROM alpine:${A}\nARG C D=2\n' },
    { name: 'SHELL in JSON form', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\n' },
    { name: 'heredocs, terminated (chomped marker with tabs)', code: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\nCOPY <<-EOT /x\n\thello\n\tEOT\n' },
    { name: 'malformed JSON silently becomes shell form', code: 'FROM alpine\nCMD ["node", "server.js"\nRUN [echo hi]\n' },
    { name: 'FROM with ARG expansion and quotes', code: 'ARG TAG="3.19"\nARG IMG\nFROM alpine:"${TAG}" AS base\nFROM ${IMG}\n' },
    { name: 'FROM a variable only known at build time', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION:-1.4.0} AS xx\n' },
    { name: 'escape directive with backtick', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo a `\n  b\n' },
    { name: 'ONBUILD with an ordinary trigger', code: 'FROM alpine\nONBUILD COPY --from=builder /x /x\nONBUILD RUN echo\n' },
    { name: 'variables in flag values are left to build time', code: 'FROM alpine\nRUN --network=$NET --mount=type=$T,target=/x echo\nHEALTHCHECK --interval=$I CMD true\n' },
    { name: 'a mount option written without a value where BuildKit allows it', code: 'FROM alpine\nRUN --mount=type=bind,ro,target=/src --mount=type=cache,rw,target=/c true\n' },
    { name: 'scratch and stage names in FROM', code: 'FROM scratch AS a\nFROM a AS b\nFROM B\n' },
    { name: 'registry with port and digest', code: 'FROM localhost:5000/team/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
  ],
  invalid: [
    {
      name: 'misspelt COPY flag with a safe fix',
      code: 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --form=build /app /app\n',
      errors: [{ messageId: 'unknownFlagSuggest', line: 3, column: 6, endColumn: 12, message: "did you mean '--from'" }],
      output: 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build /app /app\n',
    },
    {
      name: 'misspelt chmod and an upper-case flag name',
      code: 'FROM alpine\nCOPY --chomd=755 --CHOWN=1:1 a /a\n',
      errors: [
        { messageId: 'unknownFlagSuggest', line: 2, column: 6, endColumn: 13, data: { suggestion: 'chmod' } },
        { messageId: 'unknownFlagSuggest', line: 2, column: 18, endColumn: 25 },
      ],
      output: 'FROM alpine\nCOPY --chmod=755 --chown=1:1 a /a\n',
    },
    {
      name: 'flag that no instruction knows, no suggestion',
      code: 'FROM alpine\nRUN --privileged echo\nWORKDIR --parents /app\n',
      errors: [
        { messageId: 'unknownFlag', line: 2, column: 5, endColumn: 17 },
        { messageId: 'unknownFlag', line: 3, column: 9, endColumn: 18, message: "'--parents' for WORKDIR" },
      ],
      output: null,
    },
    {
      name: 'unknown instruction with and without suggestion (no automatic rename)',
      code: 'FROM alpine\nRUNN echo hi\n&& echo\n',
      errors: [
        { messageId: 'unknownInstructionSuggest', line: 2, column: 1, endColumn: 5, message: "did you mean 'RUN'" },
        { messageId: 'unknownInstruction', line: 3, column: 1, endColumn: 3 },
      ],
      output: null,
    },
    {
      name: 'instruction before the first FROM',
      code: 'RUN echo\nFROM alpine\n',
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1, endColumn: 4 }],
    },
    { name: 'no FROM at all', code: 'ARG A=1\n', errors: [{ messageId: 'noStage', line: 1, column: 1, endColumn: 4 }] },
    {
      name: 'argument counts',
      code: 'FROM alpine\nCOPY onlyone\nWORKDIR\nCOPY ["a"]\nUSER\n',
      errors: [
        { messageId: 'missingArgs', line: 2, column: 6, endColumn: 13, message: 'a source and a destination' },
        { messageId: 'missingArgs', line: 3, column: 1, endColumn: 8, message: 'at least one argument' },
        { messageId: 'missingArgs', line: 4, column: 6, endColumn: 11 },
        { messageId: 'missingArgs', line: 5 },
      ],
    },
    {
      name: 'FROM forms and stage names',
      code: 'FROM alpine base\nFROM alpine AS 1st\nFROM alpine AS my$stage\n',
      errors: [
        { messageId: 'fromArgs', line: 1, column: 6, endColumn: 17 },
        { messageId: 'invalidStageName', line: 2, column: 16, endColumn: 19 },
        { messageId: 'invalidStageName', line: 3, column: 16, endColumn: 24 },
      ],
    },
    {
      name: 'flag values: missing, boolean, duplicate, durations, retries, network',
      code: df`
        FROM alpine
        COPY --from a /a
        COPY --link=yes --chown=1 --chown=2 a /a
        HEALTHCHECK --interval=5 --timeout=100us --retries=-1 CMD true
        RUN --network=bridge --security=privileged echo
      `,
      errors: [
        { messageId: 'flagValueMissing', line: 2, column: 6, endColumn: 12 },
        { messageId: 'flagBool', line: 3, column: 6, endColumn: 16 },
        { messageId: 'flagDuplicate', line: 3, column: 27, endColumn: 34 },
        { messageId: 'flagValue', line: 4, column: 24, endColumn: 25, message: 'duration' },
        { messageId: 'flagValue', line: 4, column: 36, endColumn: 41 },
        { messageId: 'flagValue', line: 4, column: 52, endColumn: 54, message: 'non-negative whole number' },
        { messageId: 'flagValue', line: 5, column: 15, endColumn: 21 },
        { messageId: 'flagValue', line: 5, column: 33, endColumn: 43 },
      ],
    },
    {
      name: '--mount: unknown type, bare option, sharing mode',
      code: 'FROM alpine\nRUN --mount=type=cahce,target=/x,cache,sharing=all echo\n',
      errors: [
        { messageId: 'mountType', line: 2, column: 18, endColumn: 23 },
        { messageId: 'mountField', line: 2, column: 34, endColumn: 39 },
        { messageId: 'flagValue', line: 2, column: 48, endColumn: 51, message: 'sharing mode' },
      ],
      output: null,
    },
    {
      name: 'unknown --mount option far from every valid one',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/c,zzzzzz=1 true\n',
      errors: [{ messageId: 'mountKey', line: 2, column: 34, endColumn: 40 }],
      output: null,
    },
    {
      name: 'a misspelt flag is not renamed to one the instruction already has (it would be given twice)',
      code: 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build --form=build /app /app\n',
      errors: [{ messageId: 'unknownFlag', line: 3, column: 19, endColumn: 25 }],
      fixes: [],
    },
    {
      name: 'the dashes of a flag split by a continuation: no rename (the name is not written where the parser puts it)',
      code: 'FROM alpine\nHEALTHCHECK -\\\n-interval=1m CMD true\n',
      errors: [{ messageId: 'unknownFlagSuggest', line: 2 }],
      fixes: [],
    },
    {
      name: 'a repeatable flag may be suggested although it is there already',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/a --mout=type=cache,target=/b true\n',
      errors: [{ messageId: 'unknownFlagSuggest', line: 2, data: { suggestion: 'mount' } }],
      output: 'FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\n',
    },
    {
      name: 'a misspelt --mount option is not renamed to one the mount already has (it would override it)',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/a,taget=/b go build\n',
      errors: [{ messageId: 'mountKey', line: 2 }],
      fixes: [],
    },
    {
      name: '--mount option typo with a safe fix',
      code: 'FROM alpine\nRUN --mount=type=cache,taget=/root/.cache go build\n',
      errors: [{ messageId: 'mountKeySuggest', line: 2, column: 24, endColumn: 29, data: { suggestion: 'target' } }],
      output: 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache go build\n',
      fixes: [{ title: "Replace 'taget' with 'target'", output: 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache go build\n' }],
    },
    {
      name: 'unknown --mount option split over lines (a lone carriage return): the whole option, no rename',
      code: 'FROM alpine\nRUN --mount=\\\r]ype=x true\n',
      errors: [{ messageId: 'mountKey', line: 2, column: 13, endLine: 3, endColumn: 4 }],
      output: null,
    },
    {
      name: 'SHELL, HEALTHCHECK and ONBUILD forms',
      code: df`
        FROM alpine
        SHELL /bin/bash -c
        HEALTHCHECK NONE --now
        HEALTHCHECK CMD
        HEALTHCHECK RUN true
        ONBUILD FROM alpine
      `,
      errors: [
        { messageId: 'shellNotJson', line: 2, column: 7, endColumn: 19 },
        { messageId: 'healthcheckNoneArgs', line: 3, column: 18, endColumn: 23 },
        { messageId: 'missingArgs', line: 4, message: 'a command after CMD' },
        { messageId: 'healthcheckType', line: 5, column: 13, endColumn: 16 },
        { messageId: 'onbuildTrigger', line: 6, column: 9, endColumn: 13 },
      ],
    },
    {
      name: 'ENV/LABEL/ARG pairs',
      code: 'FROM alpine\nENV A=1 B\nENV ONLYNAME\nLABEL =x\nARG =y\n',
      errors: [
        { messageId: 'pairSyntax', line: 2, column: 9, endColumn: 10 },
        { messageId: 'pairNoValue', line: 3, column: 5, endColumn: 13 },
        { messageId: 'blankName', line: 4, column: 7, endColumn: 9 },
        { messageId: 'blankName', line: 5, column: 5, endColumn: 7 },
      ],
    },
    {
      name: 'unterminated heredoc',
      code: 'FROM alpine\nRUN <<EOF\necho hi\n',
      errors: [{ messageId: 'heredocUnterminated', line: 2, column: 5, endColumn: 10, data: { name: 'EOF' } }],
    },
    {
      name: 'empty base name and invalid reference',
      code: 'FROM ${UNDECLARED}\nFROM Alpine:3.19\nFROM alpine:3.19:x\n',
      errors: [
        { messageId: 'emptyBaseName', line: 1, column: 6, endColumn: 19, message: "'UNDECLARED'" },
        { messageId: 'invalidReference', line: 2, column: 6, endColumn: 17 },
        { messageId: 'invalidReference', line: 3 },
      ],
    },
    {
      name: 'an ARG declared inside a stage is not visible to a later FROM',
      code: 'FROM alpine\nARG IMG=alpine\nFROM ${IMG}\n',
      errors: [{ messageId: 'emptyBaseName', line: 3, column: 6, endColumn: 12 }],
    },
    {
      name: 'parser directives',
      code: '# escape=x\n# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1\nFROM alpine\n',
      errors: [
        { messageId: 'invalidEscape', line: 1 },
        { messageId: 'duplicateDirective', line: 3 },
      ],
    },
    {
      name: 'flags in a continuation line keep exact positions',
      code: 'FROM alpine\nCOPY \\\n  --form=x a b\n',
      errors: [{ messageId: 'unknownFlagSuggest', line: 3, column: 3, endColumn: 9 }],
      output: 'FROM alpine\nCOPY \\\n  --from=x a b\n',
    },
    {
      name: 'words are split as BuildKit splits them: quotes, escapes, continuation lines and a bare --',
      code: 'FROM alpine\nENV "A B"=1 C\\ D\nLABEL a="x = y" \\\n  b\nCOPY "one word"\nCOPY --from=x \\\n  -- a b\nARG X=1 \\\n   =2\nRUN -- --mount=type=nope echo\n',
      errors: [
        { messageId: 'pairSyntax', line: 2, column: 13, endColumn: 17, data: { word: 'C\\ D' } },
        { messageId: 'pairSyntax', line: 4, column: 3, endColumn: 4, data: { word: 'b' } },
        { messageId: 'missingArgs', line: 5, column: 6, endColumn: 16, message: 'a source and a destination' },
        { messageId: 'blankName', line: 9, column: 4, endColumn: 6 },
      ],
    },
  ],
});

describe('dockerfile-syntax when the parser throws', () => {
  afterEach(() => vi.restoreAllMocks());
  it('reports parseCrash on the first line instead of crashing', () => {
    vi.spyOn(Parser.prototype, 'parse').mockImplementation(() => {
      throw new Error('unexpected heredoc state');
    });
    const problems = lint('FROM alpine\nRUN true\n', { rules: [rule] }).problems;
    expect(problems.map((p) => [p.messageId, p.range.start.line, p.range.end.character, p.message])).toEqual([
      ['parseCrash', 0, 11, 'The Dockerfile parser failed on this file (unexpected heredoc state), so no other check could run'],
    ]);
  });
});
