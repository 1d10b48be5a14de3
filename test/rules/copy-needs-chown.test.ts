import rule from '../../server/src/rules/copy-needs-chown';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '--chown present', code: 'FROM node:20-slim\nWORKDIR /app\nUSER node\nCOPY --chown=node:node . .\nCMD ["node", "server.js"]\n' },
    { name: 'copied as root before USER into an app dir', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' },
    { name: 'binaries into a system path stay root-owned on purpose', code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCOPY app /usr/local/bin/app\nCMD ["app"]\n' },
    { name: '--chmod is a deliberate choice', code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCOPY --chmod=0755 run.sh /app/run.sh\nCMD ["/app/run.sh"]\n' },
    { name: 'numeric root', code: 'FROM alpine:3.20\nUSER 0\nCOPY app /app/\n' },
    { name: 'a builder stage is not checked', code: 'FROM node:20 AS build\nUSER node\nWORKDIR /home/node/app\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /home/node/app /app\nCMD ["node", "/app/server.js"]\n' },
    { name: 'ownership repaired by a later chown -R (prefer-copy-chown reports that)', code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCOPY data /app/data\nUSER root\nRUN chown -R app /app\nUSER app\nCMD ["/app/run"]\n' },
    { name: 'into the home, but not its dot-directories', code: 'FROM python:3.12-slim\nRUN useradd -m app\nCOPY app.py /home/app/app.py\nUSER app\nCMD ["python", "/home/app/app.py"]\n' },
    { name: 'variable user (unknown)', code: 'FROM alpine:3.20\nARG U\nUSER $U\nCOPY a /app/a\n' },
  ],
  invalid: [
    {
      name: 'no fix when the USER value is not one word --chown can take',
      code: 'FROM alpine:3.20\nUSER app"#x\nCOPY a /app\n',
      errors: [{ messageId: 'afterUser', line: 3, column: 1 }],
      output: null,
      fixes: [],
    },
    {
      name: 'COPY after USER node into the WORKDIR',
      code: 'FROM node:20-slim\nWORKDIR /app\nUSER node\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'afterUser', line: 4, column: 1, endColumn: 9, message: "COPY ignores 'USER node' (line 3): the files in '/app' stay owned by root" }],
      output: 'FROM node:20-slim\nWORKDIR /app\nUSER node\nCOPY --chown=node . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'user:group and COPY --from keep their flags',
      code: df`
        FROM golang:1.22 AS build
        RUN go build -o /out/app .
        FROM alpine:3.20
        RUN addgroup -S app && adduser -S -G app app
        USER app:app
        COPY --from=build /out/app /srv/app/app
        CMD ["/srv/app/app"]
      `,
      errors: [{ messageId: 'afterUser', line: 6 }],
      output: df`
        FROM golang:1.22 AS build
        RUN go build -o /out/app .
        FROM alpine:3.20
        RUN addgroup -S app && adduser -S -G app app
        USER app:app
        COPY --chown=app:app --from=build /out/app /srv/app/app
        CMD ["/srv/app/app"]
      `,
    },
    {
      name: 'numeric uid from USER is reused',
      code: 'FROM alpine:3.20\nUSER 10001\nADD site.tar.gz /app/\nCMD ["/app/run"]\n',
      errors: [{ messageId: 'afterUser', line: 3 }],
      output: 'FROM alpine:3.20\nUSER 10001\nADD --chown=10001 site.tar.gz /app/\nCMD ["/app/run"]\n',
    },
    {
      name: "copied as root into the runtime user's ~/.local",
      code: df`
        FROM python:3.12 AS build
        RUN pip install --user flask
        FROM python:3.12-slim
        RUN useradd -m app
        COPY --from=build /root/.local /home/app/.local
        USER app
        CMD ["python", "-m", "flask", "run"]
      `,
      errors: [{ messageId: 'intoHome', line: 5, message: "the files in '/home/app/.local' stay owned by root" }],
      output: df`
        FROM python:3.12 AS build
        RUN pip install --user flask
        FROM python:3.12-slim
        RUN useradd -m app
        COPY --chown=app --from=build /root/.local /home/app/.local
        USER app
        CMD ["python", "-m", "flask", "run"]
      `,
    },
    {
      name: 'USER inherited through FROM <stage>',
      code: 'FROM node:20-slim AS base\nUSER node\nFROM base\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'afterUser', line: 4 }],
      output: 'FROM node:20-slim AS base\nUSER node\nFROM base\nCOPY --chown=node . /app\nCMD ["node", "/app/server.js"]\n',
    },
  ],
});
