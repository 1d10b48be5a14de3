import rule from '../../server/src/rules/prefer-copy-chown';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '--chown already', code: 'FROM node:20-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]\n' },
    { name: 'the path holds files a RUN created too', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json .\nRUN npm ci\nRUN chown -R node:node /app\nCMD ["node", "server.js"]\n' },
    { name: 'a system path (packages fill it too)', code: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nRUN chown -R nginx /etc/nginx\n' },
    { name: 'non-recursive chown', code: 'FROM alpine:3.20\nCOPY app /app/app\nRUN chown nobody /app/app\nCMD ["/app/app"]\n' },
    { name: 'the copy fills a parent of the chowned path only partly', code: 'FROM alpine:3.20\nCOPY . /app\nRUN chown -R nobody /app/data\nCMD ["/app/run"]\n' },
    { name: 'a builder stage (only the final image is shipped)', code: 'FROM node:20 AS build\nCOPY . /app\nRUN chown -R node /app\nFROM node:20-slim\nCOPY --from=build /app/dist /dist\nCMD ["node", "/dist/main.js"]\n' },
    { name: 'files from the parent stage are rewritten too', code: 'FROM alpine:3.20 AS base\nCOPY lib /app/lib\nFROM base\nCOPY bin /app/bin\nRUN chown -R nobody /app\nCMD ["/app/bin/run"]\n' },
    { name: 'an owner only the shell knows', code: 'FROM alpine:3.20\nCOPY . /app\nRUN chown -R "$(id -u nobody)" /app\nCMD ["/app/run"]\n' },
  ],
  invalid: [
    {
      name: 'the RUN only chowns: fold it into the COPY',
      code: 'FROM node:20-slim\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'chownAfterCopy', line: 3, column: 5, endColumn: 28, message: 'copied by COPY on line 2' }],
      output: 'FROM node:20-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'a WORKDIR created the directory first: keep a non-recursive chown of it',
      code: df`
        FROM python:3.12-slim
        RUN useradd -m app
        WORKDIR /app
        COPY requirements.txt .
        COPY src ./src
        RUN chown -R app:app /app
        USER app
        CMD ["python", "-m", "src"]
      `,
      errors: [{ messageId: 'chownAfterCopy', line: 6, message: 'copied by COPY on lines 4, 5' }],
      output: df`
        FROM python:3.12-slim
        RUN useradd -m app
        WORKDIR /app
        COPY --chown=app:app requirements.txt .
        COPY --chown=app:app src ./src
        RUN chown app:app /app
        USER app
        CMD ["python", "-m", "src"]
      `,
    },
    {
      name: 'an owner from ENV works in --chown too',
      code: 'FROM alpine:3.20\nENV APP_USER=nobody\nCOPY . /app\nRUN chown -R "$APP_USER" /app\nCMD ["/app/run"]\n',
      errors: [{ messageId: 'chownAfterCopy', line: 4 }],
      output: 'FROM alpine:3.20\nENV APP_USER=nobody\nCOPY --chown=$APP_USER . /app\nCMD ["/app/run"]\n',
    },
    {
      name: 'the RUN does more: reported without a fix',
      code: 'FROM alpine:3.20\nCOPY site /srv/site\nRUN chown -R nobody /srv/site && chmod -R 755 /srv/site\nCMD ["/srv/site/run"]\n',
      errors: [{ messageId: 'chownAfterCopy', line: 3, column: 5 }],
      output: null,
    },
    {
      name: 'relative path, COPY --from, and cd in the script',
      code: df`
        FROM node:20 AS build
        RUN npm run build
        FROM node:20-slim
        WORKDIR /srv/web
        COPY --from=build /app/dist ./dist
        RUN cd dist && chown -R node .
        CMD ["node", "dist/main.js"]
      `,
      errors: [{ messageId: 'chownAfterCopy', line: 6, column: 16 }],
      output: null,
    },
  ],
});
