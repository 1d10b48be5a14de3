import rule from '../../server/src/rules/deps-before-source';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    df`
      FROM node:20
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
    `,
    { name: 'no install after the COPY', code: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n' },
    { name: 'adding a named package is no manifest install', code: 'FROM node:20\nCOPY . .\nRUN npm install -g serve && pip install flask\n' },
    { name: 'COPY --from is not the context', code: 'FROM node:20 AS deps\nFROM node:20\nCOPY --from=deps . .\nRUN npm ci\n' },
    { name: 'the install reads manifests copied elsewhere', code: 'FROM python:3.12\nCOPY req.txt /tmp/\nCOPY . /app\nRUN pip install -r /tmp/req.txt\n' },
    { name: 'install in another stage', code: 'FROM node:20 AS a\nCOPY . .\nFROM node:20\nRUN npm ci\n' },
  ],
  invalid: [
    {
      name: 'Node: flags, casing and the ENV in between are kept; unknown context: the lockfile is optional',
      code: df`
        FROM node:20
        WORKDIR /app
        COPY --chown=node:node --link . .
        ENV NODE_ENV=production
        RUN npm ci --omit=dev && npm cache clean --force
        CMD ["node", "server.js"]
      `,
      errors: [{ messageId: 'order', line: 3, column: 31, endColumn: 32, message: "'COPY --chown=node:node --link . .' copies all sources before 'npm ci' on line 5" }],
      output: df`
        FROM node:20
        WORKDIR /app
        COPY --chown=node:node --link package.json package-lock.json* ./
        ENV NODE_ENV=production
        RUN npm ci --omit=dev && npm cache clean --force
        COPY --chown=node:node --link . .
        CMD ["node", "server.js"]
      `,
    },
    {
      name: 'known context: only the files that exist, plus .npmrc',
      code: 'from node:20\n  copy . /srv/app\n  run yarn install --frozen-lockfile\n',
      files: { contextFiles: ['package.json', 'yarn.lock', '.npmrc', 'src'] },
      errors: [{ messageId: 'order', line: 2, message: "before 'yarn install'" }],
      output: 'from node:20\n  copy package.json yarn.lock .npmrc /srv/app/\n  run yarn install --frozen-lockfile\n  copy . /srv/app\n',
    },
    {
      name: 'Python: the requirements family; absolute -r under the destination',
      code: df`
        FROM python:3.12-slim
        COPY . /app
        RUN pip install --no-cache-dir -r /app/requirements.txt
        CMD ["python", "/app/main.py"]
      `,
      errors: [{ messageId: 'order', line: 2 }],
      output: df`
        FROM python:3.12-slim
        COPY requirements*.txt /app/
        RUN pip install --no-cache-dir -r /app/requirements.txt
        COPY . /app
        CMD ["python", "/app/main.py"]
      `,
    },
    {
      name: 'Python: requirements in a directory are copied as a directory',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt\n',
      errors: [{ messageId: 'order' }],
      output: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements/ ./requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n',
    },
    {
      name: 'Go: go.sum absent from the known context',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /out/app .\n',
      files: { contextFiles: ['go.mod', 'main.go'] },
      errors: [{ messageId: 'order', message: "'go mod download'" }],
      output: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/app .\n',
    },
    {
      name: 'Gradle: a directory gets its own COPY',
      code: 'FROM gradle:8-jdk21 AS build\nCOPY . .\nRUN gradle dependencies --no-daemon\nRUN gradle build --no-daemon\n',
      files: { contextFiles: ['build.gradle.kts', 'settings.gradle.kts', 'gradle', 'src'] },
      errors: [{ messageId: 'order' }],
      output: 'FROM gradle:8-jdk21 AS build\nCOPY build.gradle.kts settings.gradle.kts ./\nCOPY gradle/ ./gradle/\nRUN gradle dependencies --no-daemon\nCOPY . .\nRUN gradle build --no-daemon\n',
    },
    {
      name: 'Ruby and PHP',
      code: df`
        FROM ruby:3.3 AS a
        COPY . .
        RUN bundle install
        FROM composer:2 AS b
        COPY . .
        RUN composer install --no-scripts --no-autoloader
      `,
      errors: [
        { messageId: 'order', line: 2, message: "'bundle install'" },
        { messageId: 'order', line: 5, message: "'composer install'" },
      ],
      output: df`
        FROM ruby:3.3 AS a
        COPY Gemfile Gemfile.lock* ./
        RUN bundle install
        COPY . .
        FROM composer:2 AS b
        COPY composer.json composer.lock* ./
        RUN composer install --no-scripts --no-autoloader
        COPY . .
      `,
    },
    {
      name: 'the install also builds the project: no fix',
      code: 'FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n',
      errors: [{ messageId: 'orderNoFix', message: 'it also builds the project' }],
      output: null,
    },
    {
      name: 'poetry without --no-root installs the project: no fix',
      code: 'FROM python:3.12\nCOPY . .\nRUN poetry install\n',
      errors: [{ messageId: 'orderNoFix', message: "'poetry install'" }],
      output: null,
    },
    {
      name: 'the RUN also builds: no fix',
      code: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n',
      errors: [{ messageId: 'orderNoFix', message: 'the same RUN runs commands that may need the sources' }],
      output: null,
    },
    {
      name: 'a WORKDIR between the COPY and the install: no fix',
      code: 'FROM node:20\nCOPY . /app\nWORKDIR /app\nRUN npm ci\n',
      errors: [{ messageId: 'orderNoFix', message: 'instructions in between' }],
      output: null,
    },
    {
      name: 'a workspace layout: no fix',
      code: 'FROM node:20\nCOPY . .\nRUN pnpm install --frozen-lockfile\n',
      files: { contextFiles: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'packages'] },
      errors: [{ messageId: 'orderNoFix', message: 'cannot be named with certainty' }],
      output: null,
    },
    {
      name: 'the COPY copies more than the context: no fix',
      code: 'FROM node:20\nCOPY . /extra ./\nRUN npm ci\n',
      errors: [{ messageId: 'orderNoFix', message: 'also copies other files' }],
      output: null,
    },
  ],
});
