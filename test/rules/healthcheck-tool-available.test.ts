import rule from '../../server/src/rules/healthcheck-tool-available';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'curl installed', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'BusyBox wget on alpine', code: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n' },
    { name: 'the full node image ships curl', code: 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/\n' },
    { name: 'installed in the stage it is built FROM', code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'the runtime probes itself', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost/\')"\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM debian:12-slim\nHEALTHCHECK NONE\n' },
    { name: 'uncurated base image', code: 'FROM company/runtime:1\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'a binary copied into a bin directory', code: 'FROM curlimages/curl AS c\nFROM debian:12-slim\nCOPY --from=c /usr/bin/curl /usr/local/bin/curl\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'packages from a list file', code: 'FROM debian:12-slim\nCOPY packages.txt /\nRUN apt-get update && xargs apt-get install -y < /packages.txt\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'the HEALTHCHECK of a builder stage does not ship', code: 'FROM debian:12-slim AS b\nHEALTHCHECK CMD curl -f http://localhost/\nFROM alpine:3.20\nCMD ["true"]\n' },
  ],
  invalid: [
    {
      name: 'curl on a slim Debian image',
      code: 'FROM python:3.12-slim\nCOPY app.py .\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'missingTool', line: 3, column: 17, endColumn: 47, message: "HEALTHCHECK runs 'curl', which the final image does not have (Debian images ship neither curl nor wget" }],
      fixes: [{
        title: "Install 'curl' (unsafe)",
        output: 'FROM python:3.12-slim\nCOPY app.py .\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "app.py"]\n',
      }],
    },
    {
      name: 'curl on alpine, exec form, as a non-root user',
      code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\n',
      errors: [{ messageId: 'missingTool', line: 4, message: 'alpine ships BusyBox wget but not curl' }],
      fixes: [{ title: "Install 'curl' (unsafe)", output: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nUSER root\nRUN apk add --no-cache curl\nUSER app\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\n' }],
    },
    {
      name: 'wget on distroless: no fix',
      code: 'FROM gcr.io/distroless/base-debian12\nHEALTHCHECK CMD ["wget", "-q", "http://localhost/"]\n',
      errors: [{ messageId: 'missingTool', line: 2, message: 'distroless images ship no shell tools at all' }],
    },
    {
      name: 'inherited HEALTHCHECK through FROM <stage>',
      code: 'FROM debian:12-slim AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nCMD ["app"]\n',
      errors: [{ messageId: 'missingTool', line: 2 }],
    },
  ],
});
