import rule from '../../server/src/rules/prefer-multi-stage-build';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'already multi-stage',
      code: df`
        FROM golang:1.22 AS build
        RUN go build -o /out/app .
        FROM gcr.io/distroless/static-debian12
        COPY --from=build /out/app /app
        CMD ["/app"]
      `,
    },
    {
      name: 'a single stage that only runs the application',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: 'a development image (starts a shell)',
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\nCMD ["bash"]\n',
    },
    {
      name: 'a stage named for tests',
      code: 'FROM node:20 AS test\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "test"]\n',
    },
    {
      name: 'compilers installed and removed in the same RUN',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && pip install x && apt-get purge -y gcc\nCMD ["python", "-m", "x"]\n',
    },
  ],
  invalid: [
    {
      name: 'go build in the only stage, reported on the FROM',
      code: df`
        FROM golang:1.22
        WORKDIR /src
        COPY . .
        RUN go build -o /usr/local/bin/app ./cmd/app
        CMD ["app"]
      `,
      errors: [{ messageId: 'singleStage', line: 1, column: 1, endLine: 1, endColumn: 17, message: "runs 'go build' on line 4" }],
      // The split refactor as an unsafe fix; never applied by the safe fixes (`output` unchanged).
      output: null,
      fixes: [{
        title: 'Split into builder and runtime stages (unsafe)',
        output: df`
          FROM golang:1.22 AS builder
          WORKDIR /src
          COPY . .
          ENV CGO_ENABLED=0
          RUN go build -o /usr/local/bin/app ./cmd/app

          FROM gcr.io/distroless/static-debian12:nonroot AS runtime
          WORKDIR /src

          COPY --from=builder /usr/local/bin/app /usr/local/bin/app
          USER nonroot
          CMD ["app"]
        `,
      }],
    },
    {
      name: 'npm run build',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      errors: [{ messageId: 'singleStage', line: 1, message: "runs 'npm run build'" }],
    },
    {
      name: 'build tools kept in the only stage',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /src\nCMD ["/src/run"]\n',
      errors: [{ messageId: 'singleStage', line: 1, message: "installs build tools ('build-essential')" }],
    },
    {
      name: 'a heredoc RUN body that builds',
      code: 'FROM rust:1.80\nCOPY . .\nRUN <<EOF\ncargo build --release\nEOF\nCMD ["./target/release/app"]\n',
      errors: [{ messageId: 'singleStage', line: 1, message: "runs 'cargo build' on line 4" }],
    },
  ],
});
