import rule from '../../server/src/rules/no-variable-in-copy-from';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'ARG IMG=alpine\nFROM ${IMG} AS tools\nFROM debian\nCOPY --from=tools /bin/sh /bin/sh\n',
    { name: 'a trailing $ is no variable', code: 'FROM alpine\nCOPY --from=weird$ /x /x\n' },
    { name: 'variables in FROM are fine', code: 'ARG IMG=alpine\nFROM ${IMG}\n' },
  ],
  invalid: [
    {
      name: 'global ARG: an alias stage is added before the copying stage',
      code: df`
        ARG TOOLS_IMAGE=alpine:3.19
        FROM debian:bookworm-slim
        COPY --from=\${TOOLS_IMAGE} /bin/busybox /bin/busybox
      `,
      errors: [{ messageId: 'variable', line: 3, column: 13, endColumn: 27, message: "'--from'" }],
      output: df`
        ARG TOOLS_IMAGE=alpine:3.19
        FROM \${TOOLS_IMAGE} AS tools-image

        FROM debian:bookworm-slim
        COPY --from=tools-image /bin/busybox /bin/busybox
      `,
    },
    {
      name: 'two copies of the same variable share one alias (multi-pass)',
      code: 'ARG V=alpine\nFROM debian\nCOPY --from=$V /a /a\nRUN --mount=from=$V,target=/v true\n',
      errors: [{ messageId: 'variable', line: 3 }, { messageId: 'variable', line: 4, column: 18, endColumn: 20, message: "'from='" }],
      output: 'ARG V=alpine\nFROM $V AS v\n\nFROM debian\nCOPY --from=v /a /a\nRUN --mount=from=v,target=/v true\n',
    },
    {
      name: 'an existing alias stage is reused',
      code: 'ARG V=alpine\nFROM $V AS tools\nFROM debian\nCOPY --from=$V /a /a\n',
      errors: [{ messageId: 'variable', line: 4 }],
      output: 'ARG V=alpine\nFROM $V AS tools\nFROM debian\nCOPY --from=tools /a /a\n',
    },
    {
      name: 'no fix for a stage ARG (FROM cannot see it) or with numeric references',
      code: 'FROM debian\nARG V=alpine\nCOPY --from=$V /a /a\nFROM alpine\nCOPY --from=0 /b /b\n',
      errors: [{ messageId: 'variable', line: 3 }],
      output: null,
    },
  ],
});
