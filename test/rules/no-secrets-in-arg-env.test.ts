import { describe } from 'vitest';
import rule from '../../server/src/rules/no-secrets-in-arg-env';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pw\n',
    'FROM node:20\nARG NODE_VERSION=20\nENV PATH=/usr/local/bin:$PATH\n',
    { name: 'descriptive words: public, url, name, id, version', code: df`
      FROM alpine:3.20
      ARG PUBLIC_KEY
      ENV TOKEN_URL=https://auth.example.com/token KEY_NAME=deploy SECRET_ID=app
      ARG VAULT_VERSION=1.15
      ARG AWS_ACCESS_KEY_ID
    ` },
    { name: 'whole words only', code: 'FROM alpine:3.20\nENV PASSWORDLESS=1 TOKENIZER=bert KEYBOARD=us MONKEY=1\n' },
    { name: 'KEY without a secret qualifier', code: 'FROM alpine:3.20\nARG CACHE_KEY\nENV SORT_KEY=name\n' },
    { name: 'settings about a secret, flags', code: 'FROM alpine:3.20\nARG PRIVATE_KEY_ROTATION_GRACE_PERIOD=60\nARG NEXT_PRIVATE_TELEMETRY_KEY\nARG S3_NO_CREDENTIALS=1\nARG SWIFT_SIGNING_KEY\n' },
    { name: 'RUN --mount=type=secret is the recommended way', code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
  ],
  invalid: [
    {
      name: 'an ENV name split by a line continuation',
      code: 'FROM node:20\nENV NPM_\\\nTOKEN=abc123\n',
      errors: [{ messageId: 'secret', line: 2, column: 5, endLine: 3, endColumn: 6 }],
    },
    {
      code: 'FROM node:20\nENV NPM_TOKEN=abc123\n',
      errors: [{ messageId: 'secret', line: 2, column: 5, endColumn: 14, message: "'NPM_TOKEN' looks like a secret ('token'): ENV values" }],
    },
    {
      name: 'every name of a multi-pair ENV; legacy form',
      code: df`
        FROM alpine:3.20
        ENV DB_PASSWORD=x APP_MODE=prod API_SECRET="y z"
        ENV SSH_PRIVATE_KEY_PEM -----BEGIN
      `,
      errors: [
        { messageId: 'secret', line: 2, column: 5, endColumn: 16 },
        { messageId: 'secret', line: 2, column: 33, endColumn: 43 },
        { messageId: 'secret', line: 3, column: 5, endColumn: 24, message: "('private_key')" },
      ],
    },
    {
      name: 'global ARG, ARG with several names, ONBUILD',
      code: df`
        ARG GITHUB_TOKEN
        FROM alpine:3.20
        ARG user=app db_passwd=x
        ONBUILD ENV STRIPE_API_KEY=sk
      `,
      errors: [
        { messageId: 'secret', line: 1, column: 5, endColumn: 17, message: 'ARG values' },
        { messageId: 'secret', line: 3, column: 14, endColumn: 23 },
        { messageId: 'secret', line: 4, column: 13, endColumn: 27, message: "('api_key')" },
      ],
    },
    {
      name: 'case-insensitive words',
      code: 'FROM alpine:3.20\nENV Super_Secret=foo password=bar apikey=1 CREDENTIALS=x\n',
      errors: [
        { messageId: 'secret', line: 2, column: 5 },
        { messageId: 'secret', line: 2, column: 22 },
        { messageId: 'secret', line: 2, column: 35 },
        { messageId: 'secret', line: 2, column: 44 },
      ],
    },
  ],
});

describe('peer examples: BuildKit SecretsUsedInArgOrEnv', () => {
  ruleTester(rule, {
    valid: [],
    invalid: [
      {
        name: 'AWS_SECRET_ACCESS_KEY is a secret value',
        code: 'FROM scratch\nARG AWS_SECRET_ACCESS_KEY\n',
        errors: [{ messageId: 'secret', line: 2 }],
      },
    ],
  });
});

describe('peer examples: hadolint DL3064', () => {
  ruleTester(rule, {
    valid: [{ name: 'an ordinary ENV passes', code: 'FROM debian:12\nENV LANG=C.UTF-8\n' }],
    invalid: [
      { name: 'a password in ENV', code: 'FROM debian:12\nENV POSTGRES_PASSWORD=postgres\n', errors: [{ messageId: 'secret' }] },
      { name: 'a token in ARG', code: 'FROM debian:12\nARG GH_TOKEN\n', errors: [{ messageId: 'secret' }] },
    ],
  });
});
