import rule from '../../server/src/rules/global-arg-scope';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'ARG VERSION=1\nFROM alpine:${VERSION}\nARG VERSION\nRUN echo $VERSION\n',
    { name: 'used only in FROM', code: 'ARG BASE=alpine\nFROM ${BASE}\nRUN echo hi\n' },
    { name: 'ENV of the stage or a parent stage', code: 'ARG A=1\nFROM alpine AS base\nENV A=2\nFROM base\nRUN echo $A\n' },
    { name: 'an ARG of the parent stage (a child stage starts from its build state, values included)', code: 'ARG A=1\nFROM alpine AS base\nARG A\nFROM base\nCOPY $A /a\nRUN echo $A\n' },
    { name: 'shell variables: assigned, loop, single-quoted, $$', code: "ARG V=1\nFROM alpine\nRUN V=2; echo $V\nRUN for N in 1 2; do echo $N; done\nRUN awk '{print $V}' f && echo $$\n", },
    { name: 'predefined proxy variables', code: 'ARG HTTP_PROXY\nFROM alpine\nRUN curl -x $HTTP_PROXY x\n' },
    { name: 'variables the base image sets', code: 'ARG CUDA_VERSION=12\nFROM nvidia/cuda:${CUDA_VERSION}-devel\nRUN echo $CUDA_VERSION $PATH\n' },
    { name: 'CMD runs in the container (no ARG there at all)', code: 'ARG PORT=80\nFROM alpine\nCMD serve --port $PORT\n' },
    { name: 'no global ARGs', code: 'FROM alpine\nRUN echo $X\n' },
  ],
  invalid: [
    {
      name: 'RUN and COPY in a stage that did not redeclare',
      code: df`
        ARG VERSION=1.2.3
        FROM alpine
        RUN wget https://example.com/tool-\${VERSION}.tar.gz
        COPY tool-$VERSION /opt/
      `,
      errors: [{ messageId: 'outOfScope', line: 3, column: 35, endColumn: 45, message: "'VERSION' is a global ARG" }],
      output: 'ARG VERSION=1.2.3\nFROM alpine\nARG VERSION\nRUN wget https://example.com/tool-${VERSION}.tar.gz\nCOPY tool-$VERSION /opt/\n',
    },
    {
      name: 'ENV A=$A and a use before the stage ARG, per stage',
      code: 'ARG A=1\nFROM alpine AS one\nENV A=$A\nFROM alpine AS two\nWORKDIR /$A\nARG A\nRUN echo $A\n',
      errors: [{ messageId: 'outOfScope', line: 3, column: 7, endColumn: 9, data: { stage: 'one' } }, { messageId: 'outOfScope', line: 5, column: 10, endColumn: 12 }],
      output: 'ARG A=1\nFROM alpine AS one\nARG A\nENV A=$A\nFROM alpine AS two\nARG A\nWORKDIR /$A\nARG A\nRUN echo $A\n',
    },
    {
      name: 'heredoc body of RUN, lower-case file',
      code: 'ARG NAME=x\nfrom alpine\nrun <<EOF\necho $NAME\nEOF\n',
      errors: [{ messageId: 'outOfScope', line: 4, column: 6, endColumn: 11 }],
      output: 'ARG NAME=x\nfrom alpine\narg NAME\nrun <<EOF\necho $NAME\nEOF\n',
    },
    {
      name: 'uses on a continuation line and deep in a heredoc body, after instructions that never name a global',
      code: 'ARG V=1 W=2\nFROM alpine\nENV A=1 \\\n  B=2\n# V and W in a comment\nRUN echo a \\\n  && echo $V\nRUN <<EOF\nline\necho $W\nEOF\nARG V\nRUN echo $V $W\n',
      errors: [
        { messageId: 'outOfScope', line: 7, column: 11, endColumn: 13, data: { name: 'V' } },
        { messageId: 'outOfScope', line: 10, column: 6, endColumn: 8, data: { name: 'W' } },
      ],
    },
  ],
});
