import rule from '../../server/src/rules/copy-from-existing-path';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const nodeBuild = df`
  FROM node:20 AS build
  WORKDIR /usr/src/app
  COPY package*.json ./
  RUN npm ci
  COPY . .
  RUN npm run build
`;

ruleTester(rule, {
  valid: [
    { name: 'output of the build in its WORKDIR', code: `${nodeBuild}FROM nginx:alpine\nCOPY --from=build /usr/src/app/dist /usr/share/nginx/html\n` },
    { name: 'node_modules of npm ci', code: `${nodeBuild}FROM node:20-slim\nCOPY --from=build /usr/src/app/node_modules /app/node_modules\n` },
    { name: 'path created by WORKDIR in the source stage', code: 'FROM alpine:3.20 AS data\nWORKDIR /app/data\nFROM alpine:3.20\nCOPY --from=data /app/data /data\n' },
    { name: 'go build -o', code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/server ./cmd/server\nFROM scratch\nCOPY --from=build /out/server /server\n' },
    { name: 'pip --user site', code: 'FROM python:3.12 AS build\nRUN pip install --user flask\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\n' },
    { name: 'mvn package writes target/', code: 'FROM maven:3-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /app/target/app.jar /app.jar\n' },
    { name: 'dotnet publish -o', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app/publish /app\n' },
    { name: 'cargo build --release', code: 'FROM rust:1.80 AS build\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /app/target/release/app /usr/local/bin/app\n' },
    { name: 'system paths are never checked', code: 'FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n' },
    { name: 'a path the base image ships (node home)', code: 'FROM node:20 AS b\nFROM node:20-slim\nCOPY --from=b /home/node /home/node\n' },
    { name: 'the source stage runs a script from the context', code: 'FROM alpine:3.20 AS build\nCOPY build.sh /\nRUN /build.sh\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n' },
    { name: 'build command in / (could write anything there)', code: 'FROM golang:1.22 AS build\nCOPY . .\nRUN make\nFROM alpine:3.20\nCOPY --from=build /bin/app /app\n' },
    { name: 'uncurated base of the source stage', code: 'FROM company/builder:1 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /app/out /out\n' },
    { name: 'FROM builder AS test inherits paths', code: `${nodeBuild}FROM build AS test\nRUN npm test\nFROM nginx:alpine\nCOPY --from=test /usr/src/app/dist /usr/share/nginx/html\n` },
    { name: 'copy out of the cache mount inside the RUN', code: 'FROM rust:1.80 AS build\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/app/target cargo build --release && cp target/release/app /app/app\nFROM debian:12-slim\nCOPY --from=build /app/app /usr/local/bin/app\n' },
    { name: 'a path named by a command (make install PREFIX=…)', code: 'FROM debian:12 AS build\nWORKDIR /src\nRUN make install PREFIX=/opt/tool\nFROM debian:12-slim\nCOPY --from=build /opt/tool /opt/tool\n' },
    { name: 'heredoc RUN creates it', code: 'FROM alpine:3.20 AS b\nRUN <<EOF\nmkdir -p /out\necho hi > /out/x\nEOF\nFROM alpine:3.20\nCOPY --from=b /out/x /x\n' },
    { name: 'an image, not a stage', code: 'FROM alpine:3.20\nCOPY --from=nginx:alpine /app/x /x\n' },
  ],
  invalid: [
    {
      name: 'the builder works in /usr/src/app, the copy reads /app/dist',
      code: `${nodeBuild}FROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n`,
      errors: [{ messageId: 'neverCreated', line: 8, column: 19, endColumn: 28, message: "'/app/dist' does not exist in stage 'build': nothing there creates it (its WORKDIR is '/usr/src/app'), so the build fails" }],
    },
    {
      name: 'relative source read from the root of the stage, not its WORKDIR',
      code: 'FROM maven:3-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\nCOPY --from=build target/app.jar /app.jar\n',
      errors: [{ messageId: 'neverCreated', line: 6, message: "'/target/app.jar' does not exist in stage 'build': nothing there creates it (COPY --from reads relative paths from the root of the stage, not from its WORKDIR '/app')" }],
    },
    {
      name: 'output only under a cache mount',
      code: 'FROM rust:1.80 AS build\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/app/target cargo build --release\nFROM debian:12-slim\nCOPY --from=build /app/target/release/app /usr/local/bin/app\n',
      errors: [{ messageId: 'discarded', line: 6, message: "written under the cache mount '/app/target' (line 4), whose contents are not kept in the image" }],
    },
    {
      name: 'a wildcard whose directory nothing creates',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /dist/*.tar.gz /pkgs/\n',
      errors: [{ messageId: 'neverCreated', line: 5, message: "'/dist' does not exist" }],
    },
    {
      name: 'numeric --from reference',
      code: 'FROM alpine:3.20\nWORKDIR /app\nRUN touch ready\nFROM alpine:3.20\nCOPY --from=0 /srv/app /app\n',
      errors: [{ messageId: 'neverCreated', line: 5, message: "does not exist in stage 0 on line 1: nothing there creates it" }],
    },
  ],
});
