import { describe } from 'vitest';
import rule from '../../server/src/rules/expose-format';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 9000/sctp 8000-8010 0 65535\n',
    { name: 'a variable only known at build time', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n' },
    { name: 'a variable with a good default', code: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE ${PORT}/tcp\n' },
    { name: 'an ARG holding several ports', code: 'FROM alpine:3.20\nARG PORTS="80 443"\nEXPOSE $PORTS\n' },
    { name: 'continuation lines', code: 'FROM alpine:3.20\nEXPOSE 80 \\\n  443\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 80/TCP 53/Udp\n',
      errors: [
        { messageId: 'protoCasing', line: 2, column: 8, endColumn: 14 },
        { messageId: 'protoCasing', line: 2, column: 15, endColumn: 21 },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n',
    },
    {
      name: 'IP and host port are dropped; the container port and protocol stay',
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80/udp 9000:9000\n',
      errors: [
        { messageId: 'mapping', line: 2, column: 8, endColumn: 29 },
        { messageId: 'mapping', line: 2, column: 30 },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80/udp 9000\n',
    },
    {
      name: 'bad ports and protocols fail the build (no fix)',
      code: 'FROM alpine:3.20\nEXPOSE 70000 http 80/http 90-80\n',
      errors: [
        { messageId: 'badPort', column: 8, message: "'70000'" },
        { messageId: 'badPort', column: 14, message: "'http'" },
        { messageId: 'badProto', column: 19, message: "'http' is not a protocol" },
        { messageId: 'badPort', column: 27 },
      ],
      output: null,
    },
    {
      name: 'a value from a variable is reported without a fix',
      code: 'FROM alpine:3.20\nARG P=80/TCP\nEXPOSE $P\n',
      errors: [{ messageId: 'protoCasing', line: 3, message: "'80/TCP'" }],
      output: null,
    },
  ],
});

describe('peer examples: BuildKit ExposeProtoCasing / ExposeInvalidFormat', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a lower-case protocol', code: 'FROM alpine\nEXPOSE 80/tcp\n' },
      { name: 'only the port number', code: 'FROM alpine\nEXPOSE 80\n' },
    ],
    invalid: [
      { name: 'a protocol in mixed case', code: 'FROM alpine\nEXPOSE 80/TcP\n', errors: [{ messageId: 'protoCasing' }], output: 'FROM alpine\nEXPOSE 80/tcp\n' },
      { name: 'an IP address and a host-port mapping', code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80\n', errors: [{ messageId: 'mapping' }], output: 'FROM alpine\nEXPOSE 80\n' },
      { name: 'a host-port mapping', code: 'FROM alpine\nEXPOSE 80:80\n', errors: [{ messageId: 'mapping' }], output: 'FROM alpine\nEXPOSE 80\n' },
    ],
  });
});
