import rule from '../../server/src/rules/no-build-tools-in-final-stage';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'build tools in a builder stage only',
      code: df`
        FROM debian:12-slim AS build
        RUN apt-get update && apt-get install -y gcc make
        RUN make
        FROM debian:12-slim
        COPY --from=build /src/app /usr/local/bin/app
        CMD ["app"]
      `,
    },
    {
      name: 'apk --virtual build deps removed in the same RUN',
      code: df`
        FROM python:3.12-alpine
        RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \
            && pip install cffi \
            && apk del .build-deps
        CMD ["python", "app.py"]
      `,
    },
    {
      name: 'official-image idiom: apt-mark auto + purge --auto-remove',
      code: df`
        FROM debian:12-slim
        RUN savedAptMark="$(apt-mark showmanual)"; \
            apt-get update; apt-get install -y gcc make; make install; \
            apt-mark showmanual | xargs apt-mark auto > /dev/null; \
            apt-mark manual $savedAptMark; \
            apt-get purge -y --auto-remove
        CMD ["app"]
      `,
    },
    {
      name: 'heredoc RUN that removes what it installed',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y gcc\ngcc -o /app main.c\napt-get purge -y gcc\nEOF\nCMD ["/app"]\n',
    },
    {
      name: 'removed again in a later RUN of the chain',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN apt-get purge -y gcc\nCMD ["app"]\n',
    },
    {
      name: 'headers alone (kept for their .so link) and git alone are not reported',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y libpq-dev git\nCMD ["app"]\n',
    },
    {
      name: 'a development image (stage named dev) may keep its tools',
      code: 'FROM debian:12-slim AS dev\nRUN apt-get update && apt-get install -y gcc make\nCMD ["bash"]\n',
    },
    {
      name: 'an SDK base image is a build image already (no-sdk-base-in-final-stage covers it)',
      code: 'FROM golang:1.22\nRUN apt-get update && apt-get install -y make\nCMD ["app"]\n',
    },
    {
      name: 'a toolchain image that starts a shell',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential cmake\nCMD ["/bin/bash"]\n',
    },
    {
      name: 'a package list exported through ENV for images built on this one',
      code: 'FROM debian:12-slim\nENV PHPIZE_DEPS="autoconf gcc make"\nRUN apt-get update && apt-get install -y $PHPIZE_DEPS\nCMD ["php-fpm"]\n',
    },
    {
      name: 'GPU images keep compilers for run-time kernel compilation',
      code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y build-essential\nCMD ["python3", "serve.py"]\n',
    },
    {
      name: 'FROM builder AS test: a test stage is not the final image',
      code: df`
        FROM alpine:3.20 AS builder
        RUN apk add --no-cache gcc make
        FROM builder AS test
        RUN make test
        FROM alpine:3.20
        COPY --from=builder /out/app /app
        CMD ["/app"]
      `,
    },
    {
      name: 'a test stage configured as a target is a build environment',
      code: 'FROM alpine:3.20 AS builder\nRUN apk add --no-cache gcc\nFROM builder AS test\nCMD ["make", "test"]\nFROM alpine:3.20\n',
      targets: ['test'],
    },
  ],
  invalid: [
    {
      name: 'compiler and headers in the final image, reported on the install command',
      code: df`
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install psycopg2
        CMD ["python", "app.py"]
      `,
      errors: [{ messageId: 'buildTools', line: 2, column: 23, endLine: 2, endColumn: 79, message: "'gcc', 'libpq-dev' stay in the final image" }],
    },
    {
      name: 'inherited through FROM <stage>: reported on the line in the base stage',
      code: df`
        FROM alpine:3.20 AS base
        RUN apk add --no-cache build-base
        FROM base AS runtime
        COPY app /app
        CMD ["/app"]
      `,
      errors: [{ messageId: 'buildTools', line: 2, column: 5, message: "'build-base' (compiler meta package) stays" }],
    },
    {
      name: 'a configured target built FROM the builder ships its tools',
      code: df`
        FROM alpine:3.20 AS builder
        RUN apk add --no-cache gcc
        FROM builder AS api
        CMD ["/app"]
        FROM alpine:3.20
        CMD ["/app"]
      `,
      targets: ['api'],
      errors: [{ messageId: 'buildTools', line: 2 }],
    },
    {
      name: 'each install command once, across RUNs',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y make\nRUN apt-get install -y cmake g++\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'buildTools', line: 2 }, { messageId: 'buildTools', line: 3, message: "'cmake', 'g++' stay" }],
    },
    {
      name: 'heredoc RUN body',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y gcc\nEOF\nCMD ["app"]\n',
      errors: [{ messageId: 'buildTools', line: 4, column: 1 }],
    },
  ],
});
