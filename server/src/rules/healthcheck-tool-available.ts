import { missingHealthTools } from '../analysis/healthcheckTools';
import { isRoot } from '../analysis/users';
import { defineRule } from '../engine/defineRule';
import { insertLinesBefore } from '../engine/fixes';

const SHIPPED: Readonly<Record<string, string>> = {
  debian: 'Debian images ship neither curl nor wget',
  ubuntu: 'Ubuntu images ship neither curl nor wget',
  alpine: 'alpine ships BusyBox wget but not curl',
  distroless: 'distroless images ship no shell tools at all',
  scratch: 'scratch is empty',
  busybox: 'BusyBox has wget but not curl',
};

export default defineRule({
  id: 'healthcheck-tool-available',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      missingTool:
        "HEALTHCHECK runs '{{tool}}', which the final image does not have ({{why}} and no instruction installs it), so every check fails and the container is reported unhealthy",
      install: "Install '{{tool}}'",
    },
    docs: {
      summary: 'The tool a HEALTHCHECK runs must exist in the final image',
      rationale:
        '`HEALTHCHECK CMD curl -f http://localhost/` runs inside the container. When `curl` is not there, the ' +
        'check fails every time with "not found" and the container turns `unhealthy` — orchestrators then ' +
        'restart or stop routing to a healthy service. The slim Debian/Ubuntu variants ship neither `curl` ' +
        'nor `wget`, alpine has BusyBox `wget` but no `curl`, distroless and scratch have nothing.\n\n' +
        'Install the tool in the final image, use one that is there (`wget -q --spider` on alpine), or probe ' +
        'with the runtime itself (`python -c "import urllib.request…"`, `node -e …`, a `/healthcheck` binary). ' +
        'The rule is silent when the base image is not curated or when the image might get the tool another ' +
        'way (a package list, a script, a download, a COPY into a `bin` directory).',
      fixSafety:
        'Unsafe: adds a package to the final image (Debian/Ubuntu `apt-get install --no-install-recommends`, ' +
        'Alpine `apk add --no-cache`) right before the HEALTHCHECK, switching to root around it when a USER ' +
        'is in force. Other families get no fix.',
      examples: {
        invalid: ['FROM python:3.12-slim\nCOPY app.py .\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "app.py"]\n'],
        valid: [
          'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY app.py .\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "app.py"]\n',
          'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const m of missingHealthTools(model)) {
      let lines: string[] | undefined;
      if (m.facts.family === 'debian' || m.facts.family === 'ubuntu') {
        lines = [`RUN apt-get update && apt-get install -y --no-install-recommends ${m.tool} && rm -rf /var/lib/apt/lists/*`];
      } else if (m.facts.family === 'alpine') {
        lines = [`RUN apk add --no-cache ${m.tool}`];
      }
      const user = m.userAtHealthcheck;
      if (lines && isRoot(user.user) !== 'yes') {
        lines = user.written !== undefined && user.instr ? ['USER root', ...lines, `USER ${user.written}`] : undefined;
      }
      report({
        messageId: 'missingTool',
        data: { tool: m.tool, why: SHIPPED[m.facts.family] ?? `'${m.image}' does not ship it` },
        range: m.range,
        related: [{ range: m.target.from.range, message: `The final image is based on '${m.image}'` }],
        fixes: lines ? [{ messageId: 'install', data: { tool: m.tool }, safety: 'unsafe', edits: [insertLinesBefore(model, m.healthcheck.range.start.line, lines)] }] : [],
      });
    }
  },
});
