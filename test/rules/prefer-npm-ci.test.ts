import rule from '../../server/src/rules/prefer-npm-ci';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    { name: 'no lockfile copied', code: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n' },
    { name: 'a pattern, lockfile presence unknown', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install\n' },
    { name: 'the context has no lockfile', code: 'FROM node:20\nCOPY . .\nRUN npm install\n', files: { contextFiles: ['package.json', 'index.js'] } },
    { name: 'adding a package', code: 'FROM node:20\nCOPY package-lock.json package.json ./\nRUN npm install express\n' },
    { name: 'a global install', code: 'FROM node:20\nCOPY package-lock.json package.json ./\nRUN npm install -g\n' },
    { name: 'yarn is not npm', code: 'FROM node:20\nCOPY package-lock.json package.json ./\nRUN yarn install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\n',
      errors: [{ messageId: 'ci', line: 4, column: 5, endColumn: 16, message: "'npm install' may resolve other versions than the lockfile copied on line 3" }],
      output: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'a pattern with a known lockfile; npm i; in a stage built FROM the one that copies',
      code: df`
        FROM node:20 AS deps
        COPY package*.json ./
        FROM deps
        RUN npm i && npm run build
      `,
      files: { contextFiles: ['package.json', 'package-lock.json'] },
      errors: [{ messageId: 'ci', line: 4, message: "'npm i'" }],
      output: df`
        FROM node:20 AS deps
        COPY package*.json ./
        FROM deps
        RUN npm ci && npm run build
      `,
    },
    {
      name: 'options npm ci rejects: no fix',
      code: 'FROM node:20\nCOPY npm-shrinkwrap.json package.json ./\nRUN npm install --no-package-lock\n',
      errors: [{ messageId: 'ci' }],
      output: null,
    },
  ],
});
