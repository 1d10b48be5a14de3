import rule from '../../server/src/rules/no-undefined-variable';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'declared by ENV and ARG before the use', code: 'FROM alpine\nENV APP_HOME=/srv/app\nARG MODE=prod\nCOPY app.py $APP_HOME/$MODE/\n' },
    { name: 'names the base image may set', code: 'FROM node:20\nLABEL node=$NODE_VERSION\nWORKDIR $HOME/app\nENV PATH=$PATH:/opt/bin\n' },
    { name: 'an image that is not curated may set anything', code: 'FROM mycorp/base:1\nCOPY . $DEST\n' },
    { name: 'a name with a default is planned to be unset', code: 'FROM scratch\nCOPY app ${DEST:-/app}\nLABEL a=${X:+set}\n' },
    { name: 'single quotes and the escape character keep $ literal', code: "FROM scratch\nLABEL a='$X' b=\\$Y\n" },
    { name: "a global ARG not redeclared is global-arg-scope's", code: 'ARG V=1\nFROM scratch\nCOPY a /$V\n' },
    { name: 'ARG and ENV of the stage it is built FROM', code: 'FROM scratch AS base\nARG A=1\nENV B=2\nFROM base\nCOPY $A$B /x\n' },
    { name: 'an ARG default sees the declarations before it', code: 'FROM scratch\nARG A=1 B=$A\n' },
    { name: 'RUN commands, CMD and EXPOSE are not expanded (or not reported) by BuildKit', code: 'FROM scratch\nRUN echo $NOPE\nCMD echo $NOPE\nEXPOSE $PORT\n' },
    { name: '--from and --chmod are not expanded', code: 'FROM scratch\nCOPY --chmod=$MODE --from=build a /a\n' },
    { name: 'short names are not near misses of each other', code: 'ARG BASE\nFROM ${BASE}\nENV AB=1\nCOPY $AC /x\n' },
    { name: 'a near miss the image may set itself', code: 'FROM mycorp/py\nENV PYTHON_PATH=/x\nCOPY . $PYTHONPATH\n' },
    { name: 'PATH is always set, even on scratch', code: 'FROM scratch\nENV PATH=/bin:$PATH\n' },
    { name: 'SBOM scan arguments stay out of the environment on purpose', code: 'FROM scratch\nLABEL x=$BUILDKIT_SBOM_SCAN_STAGE\n' },
    { name: 'RUN --mount from= is not expanded', code: 'FROM alpine\nRUN --mount=from=$X,target=/x true\n' },
    { name: 'Windows images are left alone (case-insensitive names, configuration not curated)', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV ProgramFiles="C:\\Program Files" PSCORE="$ProgramFiles\\pwsh.exe"\n' },
    { name: 'a lower-case env name Red Hat images set', code: 'FROM fedora:40\nLABEL c=$container\n' },
  ],
  invalid: [
    {
      name: 'a near miss of a variable in scope',
      code: 'FROM alpine\nENV APP_HOME=/srv/app\nCOPY app.py $APP_HOMe/\n',
      errors: [{ messageId: 'typo', line: 3, column: 13, endLine: 3, endColumn: 22, data: { name: 'APP_HOMe', suggestion: 'APP_HOME' } }],
      output: null,
      fixes: [{ title: "Replace with '$APP_HOME' (unsafe)", output: 'FROM alpine\nENV APP_HOME=/srv/app\nCOPY app.py $APP_HOME/\n' }],
    },
    {
      name: 'nothing sets it on a scratch stage',
      code: 'FROM scratch\nCOPY --from=build /out/app $DEST\n',
      errors: [{ messageId: 'undefined', line: 2, column: 28, endColumn: 33, message: "'$DEST' is set by no ARG or ENV before it and the stage is built on scratch" }],
    },
    {
      name: 'uses on continuation lines, after instructions without any $',
      code: 'FROM scratch\nWORKDIR /w\nCOPY a \\\n  b \\\n  $DEST\nENV A=1 \\\n  B=$C\n',
      errors: [
        { messageId: 'undefined', line: 5, column: 3, endColumn: 8, data: { name: 'DEST' } },
        { messageId: 'undefined', line: 7, column: 5, endColumn: 7, data: { name: 'C' } },
      ],
    },
    {
      name: 'a curated base image that does not set the name',
      code: 'FROM python:3.12-slim\nWORKDIR ${APP}\n',
      errors: [{ messageId: 'undefined', line: 2, column: 9, endColumn: 15, message: "and base image 'python' does not set it" }],
    },
    {
      name: 'a predefined platform argument needs ARG in the stage (one problem per stage)',
      code: 'FROM alpine\nCOPY bin/$TARGETARCH/app /app\nCOPY bin/$TARGETARCH/lib /lib\n',
      errors: [{ messageId: 'predefined', line: 2, column: 10, endColumn: 21, data: { name: 'TARGETARCH' } }],
      output: 'FROM alpine\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\nCOPY bin/$TARGETARCH/lib /lib\n',
    },
    {
      name: 'the declaration follows the file\'s lower-case keywords',
      code: 'from alpine\ncopy a /$TARGETOS\n',
      errors: [{ messageId: 'predefined', line: 2, column: 9 }],
      output: 'from alpine\narg TARGETOS\ncopy a /$TARGETOS\n',
    },
    {
      name: 'RUN --mount options are expanded by BuildKit',
      code: 'FROM alpine\nRUN --mount=type=cache,target=$CACHE true\n',
      errors: [{ messageId: 'undefined', line: 2, column: 31, endColumn: 37 }],
    },
    {
      name: 'the values of one ENV see the scope before it, not each other',
      code: 'FROM scratch\nENV A=1 B=$A\n',
      errors: [{ messageId: 'undefined', line: 2, column: 11, endColumn: 13 }],
    },
    {
      name: 'an ARG default cannot see a later declaration',
      code: 'FROM scratch\nARG B=$C C=1\n',
      errors: [{ messageId: 'undefined', line: 2, column: 7, endColumn: 9 }],
    },
    {
      name: 'continuation lines and the backtick escape character',
      code: '# escape=`\nFROM scratch\nCOPY a `\n  $DEST\n',
      errors: [{ messageId: 'undefined', line: 4, column: 3, endLine: 4, endColumn: 8 }],
    },
    {
      name: 'a near miss that differs only in case, on an image that is not curated',
      code: 'FROM mycorp/base:1\nENV APP_HOME=/app\nWORKDIR $APP_HOMe\n',
      errors: [{ messageId: 'typo', line: 3, column: 9, data: { suggestion: 'APP_HOME' } }],
      output: null,
      fixes: [{ title: "Replace with '$APP_HOME' (unsafe)", output: 'FROM mycorp/base:1\nENV APP_HOME=/app\nWORKDIR $APP_HOME\n' }],
    },
    {
      name: 'a near miss of an ENV of the parent stage, in braces',
      code: df`
        FROM scratch AS base
        ENV APP_HOME=/a
        FROM base
        COPY x \${APP_HOM}/
      `,
      errors: [{ messageId: 'typo', line: 4, column: 8, endColumn: 18, data: { name: 'APP_HOM', suggestion: 'APP_HOME' } }],
      output: null,
      fixes: [{ title: "Replace with '$APP_HOME' (unsafe)", output: 'FROM scratch AS base\nENV APP_HOME=/a\nFROM base\nCOPY x ${APP_HOME}/\n' }],
    },
  ],
});

// Examples from BuildKit's UndefinedVar documentation, restated: they must behave here as BuildKit says.
ruleTester(rule, {
  valid: [
    { name: 'BuildKit docs: the build argument is declared before COPY uses it', code: 'FROM alpine AS base\nARG foo\nCOPY $foo .\n' },
    { name: 'BuildKit docs: the python image defines PYTHON_VERSION', code: 'FROM python AS base\nARG VERSION=$PYTHON_VERSION\n' },
  ],
  invalid: [
    {
      name: 'BuildKit docs: COPY uses a build argument nobody declared',
      code: 'FROM alpine AS base\nCOPY $foo .\n',
      errors: [{ messageId: 'undefined', line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'BuildKit docs: an ARG default made of an undefined variable',
      code: 'FROM alpine AS base\nARG VERSION=$foo\n',
      errors: [{ messageId: 'undefined', line: 2, column: 13, endColumn: 17 }],
    },
    {
      name: 'BuildKit docs: PAHT is a misspelling of PATH',
      code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ messageId: 'typo', line: 2, column: 10, endColumn: 15, data: { suggestion: 'PATH' } }],
      output: null,
      fixes: [{ title: "Replace with '$PATH' (unsafe)", output: 'FROM alpine\nENV PATH=$PATH:/app/bin\n' }],
    },
  ],
});
