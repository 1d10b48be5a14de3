import rule from '../../server/src/rules/user-must-exist';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'created with useradd', code: 'FROM python:3.12-slim\nRUN useradd --create-home app\nUSER app\n' },
    { name: 'created with BusyBox adduser', code: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app app\nUSER app:app\n' },
    { name: 'created with Debian adduser', code: 'FROM debian:12-slim\nRUN adduser --system --group --no-create-home svc\nUSER svc\n' },
    { name: 'node ships node', code: 'FROM node:20-slim\nUSER node\n' },
    { name: 'distroless ships nonroot', code: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot\n' },
    { name: 'nginx ships nginx', code: 'FROM nginx:1.27\nUSER nginx\n' },
    { name: '.NET 8 ships app', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\n' },
    { name: 'numeric uid needs no passwd entry', code: 'FROM alpine:3.20\nUSER 10001\n' },
    { name: 'numeric uid on scratch', code: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\n' },
    { name: 'created in the stage it is built FROM', code: 'FROM debian:12-slim AS base\nRUN useradd app\nFROM base AS test\nUSER app\n' },
    { name: 'variable user', code: 'FROM debian:12-slim\nARG USERNAME\nUSER $USERNAME\n' },
    { name: 'a script from the context may create it', code: 'FROM debian:12-slim\nCOPY setup.sh /\nRUN /setup.sh\nUSER app\n' },
    { name: 'a package creates its service account', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y postgresql-15\nUSER postgres\n' },
    { name: 'passwd copied in', code: 'FROM alpine:3.20 AS b\nRUN adduser -D app\nFROM scratch\nCOPY --from=b /etc/passwd /etc/passwd\nUSER app\n' },
    { name: 'uncurated base image', code: 'FROM company/base:1\nUSER app\n' },
    { name: 'heredoc RUN creates the user', code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\nuseradd -m app\nEOF\nUSER app\n' },
    { name: 'unreachable stage', code: 'FROM debian:12-slim AS unused\nUSER ghost\nFROM debian:12-slim\nCMD ["true"]\n' },
  ],
  invalid: [
    {
      name: 'never created: the container fails to start',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 9, message: 'so the container fails to start' }],
      fixes: [{
        title: "Create user 'app' (unsafe)",
        output: 'FROM python:3.12-slim\nCOPY app.py /app/\nRUN groupadd --system --force app && useradd --system --create-home --gid app app\nUSER app\nCMD ["python", "/app/app.py"]\n',
      }],
    },
    {
      name: 'a RUN follows: the build fails there',
      code: 'FROM alpine:3.20\nUSER app\nRUN id\n',
      errors: [{ messageId: 'missing', line: 2, message: 'the build fails at the RUN on line 3' }],
      fixes: [{ title: "Create user 'app' (unsafe)", output: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -D -G app app\nUSER app\nRUN id\n' }],
    },
    {
      name: 'created only after the USER line',
      code: 'FROM debian:12-slim\nUSER app\nUSER root\nRUN useradd app\nCMD ["true"]\n',
      errors: [{ messageId: 'missing', line: 2 }],
    },
    {
      name: 'user:group keeps the group',
      code: 'FROM debian:12-slim\nUSER app:staff\n',
      errors: [{ messageId: 'missing', line: 2 }],
      fixes: [{ title: "Create user 'app' (unsafe)", output: 'FROM debian:12-slim\nRUN groupadd --system --force staff && useradd --system --create-home --gid staff app\nUSER app:staff\n' }],
    },
    {
      name: 'distroless has no shell: reported without a fix',
      code: 'FROM gcr.io/distroless/static-debian12\nUSER app\n',
      errors: [{ messageId: 'missing', line: 2 }],
      fixes: [],
    },
    {
      name: 'a typo of the user the base ships',
      code: df`
        FROM node:20-slim
        WORKDIR /app
        USER nodejs
        CMD ["node", "server.js"]
      `,
      errors: [{ messageId: 'missing', line: 3, message: "User 'nodejs' does not exist" }],
    },
  ],
});
