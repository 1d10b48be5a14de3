import rule from '../../server/src/rules/no-root-final-stage';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'USER node in a node image', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' },
    { name: 'distroless :nonroot starts as nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'USER nonroot on distroless', code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot\nCMD ["/app"]\n' },
    { name: 'numeric uid', code: 'FROM alpine:3.20\nCOPY app /app\nUSER 10001:10001\nCMD ["/app"]\n' },
    { name: 'USER app in .NET 8', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\nUSER app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n' },
    {
      name: 'root only in the builder',
      code: df`
        FROM golang:1.22 AS build
        RUN go build -o /out/app .
        FROM alpine:3.20
        RUN adduser -S -D app
        COPY --from=build /out/app /app
        USER app
        CMD ["/app"]
      `,
    },
    { name: 'USER set in the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nRUN useradd -m app\nUSER app\nFROM base\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    { name: 'uncurated base image may set its own USER', code: 'FROM company/python:3\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    { name: 'user from a build-time variable', code: 'FROM alpine:3.20\nARG RUN_AS\nUSER $RUN_AS\nCMD ["/app"]\n' },
    { name: 'privileges dropped at start-up with gosu', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y gosu\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["server"]\n' },
    { name: 'an entrypoint script with an account the image creates (it switches to it)', code: 'FROM debian:12-slim\nRUN groupadd -r redis && useradd -r -g redis redis\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["redis-server"]\n' },
    { name: 'a base image without CMD/ENTRYPOINT of its own', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y python3\n' },
    { name: 'an interactive image (starts a shell)', code: 'FROM ubuntu:24.04\nCMD ["bash"]\n' },
    { name: 'Windows images use another account model', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["app.exe"]\n' },
  ],
  invalid: [
    {
      name: 'no USER on Debian: create a user before CMD',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 22, message: "'python:3.12-slim' starts as root" }],
      fixes: [{
        title: "Run as 'app' (unsafe)",
        output: 'FROM python:3.12-slim\nCOPY app.py /app/\nRUN groupadd --system --force app && useradd --system --create-home --gid app app\nUSER app\nCMD ["python", "/app/app.py"]\n',
      }],
    },
    {
      name: 'alpine: adduser -S',
      code: 'FROM alpine:3.20\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [{ title: "Run as 'app' (unsafe)", output: 'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S app && adduser -S -D -G app app\nUSER app\nENTRYPOINT ["/app"]\n' }],
    },
    {
      name: 'a USER root after the ENTRYPOINT: the user goes after it (before it, the fix would not last)',
      code: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nUSER root\nCOPY app /app\nCMD ["--serve"]\n',
      errors: [{ messageId: 'rootUser', line: 1 }],
      fixes: [{ title: "Run as 'app' (unsafe)", output: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nUSER root\nCOPY app /app\nRUN addgroup -S app && adduser -S -D -G app app\nUSER app\nCMD ["--serve"]\n' }],
    },
    {
      name: 'a RUN after the CMD keeps running as it did: the user goes after it',
      code: 'FROM alpine:3.20\nCMD ["/app"]\nRUN apk add --no-cache curl\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [{ title: "Run as 'app' (unsafe)", output: 'FROM alpine:3.20\nCMD ["/app"]\nRUN apk add --no-cache curl\nRUN addgroup -S app && adduser -S -D -G app app\nUSER app\n' }],
    },
    {
      name: 'the last RUN opens a heredoc the file never ends: no fix (the lines would become its body)',
      code: 'FROM alpine:3.20\nCMD ["/app"]\nRUN <<EOF\napk add --no-cache curl\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [],
    },
    {
      name: 'node image: USER node',
      code: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [{ title: "Run as 'node' (unsafe)", output: 'FROM node:20-alpine\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' }],
    },
    {
      name: 'distroless: USER nonroot',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [{ title: "Run as 'nonroot' (unsafe)", output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot\nCMD ["/app"]\n' }],
    },
    {
      name: '.NET 8: USER $APP_UID',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
      errors: [{ messageId: 'noUser', line: 1 }],
      fixes: [{ title: "Run as '$APP_UID' (unsafe)", output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\nUSER $APP_UID\nENTRYPOINT ["dotnet", "/app/api.dll"]\n' }],
    },
    {
      name: 'the last USER is root; the account the file creates is reused',
      code: df`
        FROM debian:12-slim
        RUN useradd --create-home app
        USER app
        RUN echo hi
        USER root
        CMD ["/usr/local/bin/app"]
      `,
      errors: [{ messageId: 'rootUser', line: 1, message: "the last USER (line 5) is 'root'" }],
      fixes: [{ title: "Run as 'app' (unsafe)", output: 'FROM debian:12-slim\nRUN useradd --create-home app\nUSER app\nRUN echo hi\nUSER root\nUSER app\nCMD ["/usr/local/bin/app"]\n' }],
    },
    {
      name: 'USER 0 and a uid ARG that defaults to 0',
      code: 'FROM alpine:3.20\nARG UID=0\nUSER $UID\nCMD ["/app"]\n',
      errors: [{ messageId: 'rootUser', line: 1, message: "is '$UID'" }],
    },
    {
      name: 'reported on the target stage, root set in the stage it is built FROM',
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["/app"]\n',
      errors: [{ messageId: 'rootUser', line: 3, column: 1 }],
    },
    {
      name: 'no CMD: appended after the last instruction of a stage that has an ENTRYPOINT in its parent',
      code: 'FROM alpine:3.20 AS base\nENTRYPOINT ["/app"]\nFROM base\nCOPY app /app\n',
      errors: [{ messageId: 'noUser', line: 3 }],
      fixes: [{ title: "Run as 'app' (unsafe)", output: 'FROM alpine:3.20 AS base\nENTRYPOINT ["/app"]\nFROM base\nCOPY app /app\nRUN addgroup -S app && adduser -S -D -G app app\nUSER app\n' }],
    },
  ],
});
