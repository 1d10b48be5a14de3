import rule from '../../server/src/rules/runtime-compatible-artifacts';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const goBuild = (run: string, pre = '') => `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\n${pre}RUN ${run}\n`;
const into = (image: string) => `FROM ${image}\nCOPY --from=build /out/app /app\nCMD ["/app"]\n`;

ruleTester(rule, {
  valid: [
    { name: 'CGO_ENABLED=0 as an env prefix', code: goBuild('CGO_ENABLED=0 go build -o /out/app .') + into('alpine:3.20') },
    { name: 'CGO_ENABLED=0 as ENV', code: goBuild('go build -o /out/app .', 'ENV CGO_ENABLED=0\n') + into('scratch') },
    { name: 'CGO_ENABLED=0 as ARG', code: goBuild('go build -o /out/app .', 'ARG CGO_ENABLED=0\n') + into('gcr.io/distroless/static-debian12') },
    { name: 'exported earlier in the script', code: goBuild('export CGO_ENABLED=0 && go build -o /out/app .') + into('alpine:3.20') },
    { name: 'cross-compiling (cgo off by default)', code: goBuild('GOOS=linux GOARCH=arm64 go build -o /out/app .') + into('alpine:3.20') },
    { name: 'static link flags', code: goBuild(`go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .`) + into('scratch') },
    { name: 'glibc runtime', code: goBuild('go build -o /out/app .') + into('gcr.io/distroless/base-debian12') },
    { name: 'alpine builder has no C compiler (cgo off)', code: 'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\n' + into('scratch') },
    { name: 'glibc compatibility installed', code: goBuild('go build -o /out/app .') + 'FROM alpine:3.20\nRUN apk add --no-cache libc6-compat\nCOPY --from=build /out/app /app\nCMD ["/app"]\n' },
    { name: 'not the Go output', code: goBuild('go build -o /out/app .') + 'FROM alpine:3.20\nCOPY --from=build /src/config.yaml /etc/app.yaml\n' },
    { name: 'heredoc RUN with CGO_ENABLED=0', code: 'FROM golang:1.22 AS build\nRUN <<EOF\nexport CGO_ENABLED=0\ngo build -o /out/app .\nEOF\n' + into('alpine:3.20') },
    {
      name: 'Python packages copied with a matching Python',
      code: 'FROM python:3.11 AS build\nRUN pip install --user -r requirements.txt\nFROM python:3.11-slim\nCOPY --from=build /root/.local /root/.local\nCMD ["python", "-m", "app"]\n',
    },
    {
      name: 'a venv into an image that installs its own Python',
      code: 'FROM python:3.11 AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install x\nFROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3\nCOPY --from=build /opt/venv /opt/venv\nCMD ["/opt/venv/bin/python", "-m", "x"]\n',
    },
    { name: 'node_modules between two glibc images', code: 'FROM node:20 AS deps\nWORKDIR /app\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /app/node_modules /app/node_modules\nCMD ["node", "/app/index.js"]\n' },
    { name: 'uncurated runtime image', code: goBuild('go build -o /out/app .') + into('company/runtime:1') },
  ],
  invalid: [
    {
      name: 'cgo binary from golang (glibc) into alpine; fix disables cgo',
      code: goBuild('go build -o /out/app .') + into('alpine:3.20'),
      errors: [{ messageId: 'goLibc', line: 6, column: 19, endColumn: 27, message: "on 'golang:1.22' (glibc), so it links the C library dynamically and fails to start on 'alpine:3.20' (musl)" }],
      fixes: [{ title: "Build with 'CGO_ENABLED=0' (unsafe)", output: goBuild('CGO_ENABLED=0 go build -o /out/app .') + into('alpine:3.20') }],
    },
    {
      name: 'into scratch, output directory copied, existing env prefix kept',
      code: goBuild('GOFLAGS=-trimpath go build -o /out/ ./cmd/...') + 'FROM scratch\nCOPY --from=build /out/ /bin/\nENTRYPOINT ["/bin/app"]\n',
      errors: [{ messageId: 'goLibc', line: 6, message: "'scratch' (no C library)" }],
      fixes: [{ title: "Build with 'CGO_ENABLED=0' (unsafe)", output: goBuild('CGO_ENABLED=0 GOFLAGS=-trimpath go build -o /out/ ./cmd/...') + 'FROM scratch\nCOPY --from=build /out/ /bin/\nENTRYPOINT ["/bin/app"]\n' }],
    },
    {
      name: 'CGO_ENABLED=1 on a musl builder with gcc, into scratch',
      code: 'FROM golang:1.22-alpine AS build\nRUN apk add --no-cache gcc musl-dev\nRUN CGO_ENABLED=1 go build -o /out/app .\n' + into('scratch'),
      errors: [{ messageId: 'goLibc', line: 5 }],
    },
    {
      name: 'user site from Python 3.11 into Python 3.12; fix matches the version',
      code: 'FROM python:3.11 AS build\nRUN pip install --user -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nCMD ["python", "-m", "app"]\n',
      errors: [{ messageId: 'pythonVersion', line: 4, message: "built for Python 3.11, but 'python:3.12-slim' has Python 3.12" }],
      fixes: [{ title: "Use 'python:3.11-slim' (unsafe)", output: 'FROM python:3.11 AS build\nRUN pip install --user -r requirements.txt\nFROM python:3.11-slim\nCOPY --from=build /root/.local /root/.local\nCMD ["python", "-m", "app"]\n' }],
    },
    {
      name: 'site-packages into an image without Python',
      code: 'FROM python:3.12-slim AS build\nRUN pip install flask\nFROM ubuntu:24.04\nCOPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCMD ["/app"]\n',
      errors: [{ messageId: 'pythonVersion', line: 4, message: "has no Python" }],
    },
    {
      name: 'a venv built for another Python',
      code: 'FROM python:3.10-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nCMD ["/opt/venv/bin/python", "-m", "app"]\n',
      errors: [{ messageId: 'pythonVersion', line: 4 }],
    },
    {
      name: 'node_modules from a glibc builder into alpine',
      code: df`
        FROM node:20 AS deps
        WORKDIR /app
        COPY package*.json ./
        RUN npm ci --omit=dev
        FROM node:20-alpine
        WORKDIR /app
        COPY --from=deps /app/node_modules ./node_modules
        CMD ["node", "index.js"]
      `,
      errors: [{ messageId: 'nodeLibc', line: 7, message: "installed on glibc ('node:20'), but 'node:20-alpine' uses musl" }],
    },
    {
      name: 'configured target built FROM the runtime stage',
      code: goBuild('go build -o /out/app .') + 'FROM alpine:3.20 AS runtime\nCOPY --from=build /out/app /app\nFROM runtime AS debug\nRUN apk add --no-cache strace\nFROM scratch\n',
      targets: ['debug'],
      errors: [{ messageId: 'goLibc', line: 6 }],
    },
  ],
});
