import rule from '../../server/src/rules/no-masked-failure';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN make && make install\n',
    { name: 'removals and probes', code: 'FROM debian:12\nRUN rm /x || true\nRUN userdel -r ubuntu || :\nRUN apt-get purge -y gcc || true\nRUN grep -q x /etc/y || exit 0\n' },
    { name: 'exit without a status keeps the failure', code: 'FROM debian:12\nRUN make || exit\n' },
    { name: 'a final true under set -e', code: 'FROM debian:12\nRUN set -e; make; true\n' },
    { name: 'true in a condition', code: 'FROM debian:12\nRUN if make || true; then echo ok; fi && make install\n' },
    { name: 'a true that is not last', code: 'FROM debian:12\nRUN make; true; make install\n' },
    { name: 'conditionals', code: 'FROM debian:12\nRUN [ -e /x ] && cp /x /y || true\nRUN command -v gpgconf && gpgconf --kill all || :\nRUN (grep -q alpine /etc/os-release && apk add musl-dev || true)\n' },
    { name: 'a subshell only masks its own commands', code: 'FROM debian:12\nRUN apt-get update && (rm -rf /x || true) && make\n' },
    { name: 'CMD is not a build step', code: 'FROM debian:12\nCMD ./serve || true\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN npm ci && npm test || true\n',
      errors: [{ messageId: 'masked', line: 2, column: 27, endColumn: 31, message: "'|| true' hides a failure of 'npm ci'" }],
    },
    {
      name: 'colon, exit 0, a final ; true, pipes, sh -c, heredoc, ONBUILD',
      code: df`
        FROM debian:12
        RUN curl -fsSL https://example.com/x.sh | sh || :
        RUN ./configure && make || exit 0
        RUN pip install -r requirements.txt; true
        RUN ["sh", "-c", "cd /src && go test ./... || true"]
        RUN <<EOF
        cargo build --release || true
        EOF
        ONBUILD RUN make || true
      `,
      errors: [
        { messageId: 'masked', line: 2, message: "'|| :' hides a failure of 'curl'" },
        { messageId: 'masked', line: 3, message: "'|| exit 0' hides a failure of './configure'" },
        { messageId: 'masked', line: 4, message: "'; true' hides a failure of 'pip install'" },
        { messageId: 'masked', line: 5, message: "'go test'" },
        { messageId: 'masked', line: 7, message: "'cargo build'" },
        { messageId: 'masked', line: 9, message: "'make'" },
      ],
    },
  ],
});
