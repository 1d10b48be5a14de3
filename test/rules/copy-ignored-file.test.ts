import { describe } from 'vitest';
import rule from '../../server/src/rules/copy-ignored-file';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const ignore = (content: string) => ({ dockerignore: { path: '.dockerignore', content } });

ruleTester(rule, {
  valid: [
    { name: 'no .dockerignore known: silent', code: 'FROM alpine:3.20\nCOPY node_modules /x\n' },
    { name: 'no .dockerignore present: silent', code: 'FROM alpine:3.20\nCOPY node_modules /x\n', files: { dockerignore: null } },
    { name: 'not excluded', code: 'FROM alpine:3.20\nCOPY src /app/src\n', files: ignore('node_modules\n.git\n') },
    { name: 'COPY --from reads another stage', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /node_modules /x\n', files: ignore('node_modules\n') },
    { name: 'an exception re-includes the path', code: 'FROM alpine:3.20\nCOPY README.md /\n', files: ignore('*.md\n!README.md\n') },
    { name: 'an exception below the copied directory', code: 'FROM alpine:3.20\nCOPY docs /docs\n', files: ignore('docs\n!docs/keep.md\n') },
    { name: 'COPY . with an allow-list', code: 'FROM golang:1.22\nCOPY . /src/\n', files: ignore('*\n!go.*\n!*.go\n!internal/\n') },
    { name: 'COPY . when only dotfiles are excluded', code: 'FROM alpine:3.20\nCOPY . .\n', files: ignore('.*\n') },
    { name: 'wildcard sources are not judged', code: 'FROM alpine:3.20\nCOPY *.md /docs/\n', files: ignore('*.md\n') },
    { name: 'a value only known at build time', code: 'FROM alpine:3.20\nARG SRC\nCOPY $SRC /x\n', files: ignore('secret\n') },
    { name: 'heredocs are not context files', code: 'FROM alpine:3.20\nCOPY <<EOF /x\nhi\nEOF\n', files: ignore('EOF\nx\n') },
    { name: 'ADD of a URL', code: 'FROM alpine:3.20\nADD https://example.com/a.tgz /x\n', files: ignore('**\n') },
    { name: 'an invalid .dockerignore fails the build anyway', code: 'FROM alpine:3.20\nCOPY a /a\n', files: ignore('a\n!\n') },
    { name: 'ONBUILD copies from a child build', code: 'FROM alpine:3.20\nONBUILD COPY a /a\n', files: ignore('a\n') },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY package.json node_modules/ ./\n',
      files: ignore('# deps\nnode_modules\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 19, endColumn: 32, message: "'node_modules/' is excluded by .dockerignore ('node_modules' on line 2)" }],
    },
    {
      name: 'a file inside an excluded directory; ./ and leading / are context-relative',
      code: df`
        FROM alpine:3.20
        COPY ./build/app.jar /app.jar
        ADD /secrets/key.pem /k
      `,
      files: ignore('/build/\nsecrets\n'),
      errors: [
        { messageId: 'ignored', line: 2, message: "('build' on line 1)" },
        { messageId: 'ignored', line: 3, message: 'ADD fails' },
      ],
    },
    {
      name: 'the last matching line wins',
      code: 'FROM alpine:3.20\nCOPY README-secret.md /\n',
      files: ignore('*.md\n!README*.md\nREADME-secret.md\n'),
      errors: [{ messageId: 'ignored', line: 2, message: "line 3" }],
    },
    {
      name: 'JSON form and quoted words',
      code: 'FROM alpine:3.20\nCOPY ["a.log", "/x/"]\nCOPY "b.log" /y\n',
      files: ignore('*.log\n'),
      errors: [
        { messageId: 'ignored', line: 2, column: 7, endColumn: 14 },
        { messageId: 'ignored', line: 3, column: 6, endColumn: 13 },
      ],
    },
    {
      name: 'COPY . under a catch-all pattern copies nothing',
      code: 'FROM alpine:3.20\nCOPY . /app\n',
      files: ignore('**\n'),
      errors: [{ messageId: 'everything', line: 2, column: 6, endColumn: 7 }],
    },
    {
      name: 'an ARG default is expanded',
      code: 'FROM alpine:3.20\nARG CONF=local.env\nCOPY ${CONF} /etc/app.env\n',
      files: ignore('*.env\n'),
      errors: [{ messageId: 'ignored', line: 3 }],
    },
  ],
});

describe('peer examples: BuildKit CopyIgnoredFile', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a file the pattern does not exclude', code: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\n', files: ignore('*/tmp/*\n') },
    ],
    invalid: [
      {
        // BuildKit's page pairs this COPY with `*/tmp/*`, which only matches one level down (`a/tmp/x`);
        // `tmp/*` is the pattern that excludes `./tmp/helloworld.txt`.
        name: 'a file under an excluded tmp directory',
        code: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n',
        files: ignore('tmp/*\n'),
        errors: [{ messageId: 'ignored' }],
      },
    ],
  });
});
