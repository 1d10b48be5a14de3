import rule from '../../server/src/rules/no-copy-whole-stage';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine\nCOPY --from=build /out/app /app\n',
    { name: 'a scratch stage holds only what the file put there', code: 'FROM golang AS build\nRUN go build\nFROM scratch AS out\nCOPY --from=build /app /app\nFROM alpine\nCOPY --from=out / /\n' },
    { name: 'tool images we cannot judge', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx\nFROM golang\nCOPY --from=xx / /\nCOPY --from=moby/moby-bin:28 / /usr/bin/\n' },
    { name: 'copy without --from', code: 'FROM alpine\nCOPY / /x\n' },
  ],
  invalid: [
    {
      name: 'a builder stage with RUN',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build / /\n',
      errors: [{ messageId: 'whole', line: 4, column: 19, endColumn: 20, message: "whole filesystem of 'build'" }],
    },
    {
      name: 'an official image directly, and a stage based on one',
      code: 'FROM debian:bookworm AS os\nFROM alpine\nCOPY --from=ubuntu:24.04 / /rootfs/\nCOPY --link --from=os /. /rootfs/\n',
      errors: [{ messageId: 'whole', line: 3, column: 26, endColumn: 27 }, { messageId: 'whole', line: 4, column: 23, endColumn: 25 }],
    },
    {
      name: 'JSON form, and a source given through an ARG',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nARG ROOT=/\nCOPY --from=build ["/", "/rootfs/"]\nCOPY --from=build $ROOT /rootfs/\n',
      errors: [{ messageId: 'whole', line: 5, column: 20, endColumn: 23 }, { messageId: 'whole', line: 6, column: 19, endColumn: 24 }],
    },
  ],
});
