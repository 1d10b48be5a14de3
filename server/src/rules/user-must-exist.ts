import { missingUsers } from '../analysis/userChecks';
import { defineRule } from '../engine/defineRule';
import { createUserLines } from '../engine/edits/addUser';
import { insertLinesBefore } from '../engine/fixes';

export default defineRule({
  id: 'user-must-exist',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      missing: "User '{{user}}' does not exist in this image: no useradd/adduser creates it and '{{image}}' does not ship it, so {{consequence}}",
      create: "Create user '{{user}}'",
    },
    docs: {
      summary: 'A USER must name an account that exists in the image',
      rationale:
        'BuildKit does not check `USER app` when it reads it: the next RUN fails with "unable to find user ' +
        'app: no matching entries in passwd file", and if no RUN follows, every container started from the ' +
        'image fails the same way. The account must be created in the image chain (`useradd`, `adduser`) or ' +
        'be one the base image ships (`node` in the node images, `nonroot` in distroless, `nginx` in nginx, `app` ' +
        'in .NET 8+).\n\n' +
        'Numeric ids (`USER 10001`) need no passwd entry and are never reported. The rule is silent when the ' +
        'account could come from somewhere the file does not show: an uncurated base image, a script from the ' +
        'build context, an edit of /etc/passwd, a COPY over /etc, a package that creates its service account ' +
        '(`postgresql` → `postgres`), or a name computed at build time.',
      fixSafety:
        'Unsafe: inserts a RUN that creates the account with the base family\'s tools (Debian/Ubuntu ' +
        '`groupadd`/`useradd`, Alpine `addgroup -S`/`adduser -S`) right before the USER. The new account gets ' +
        'the next free system uid, which may differ from the uid volumes expect. Other families get no fix.',
      examples: {
        invalid: ['FROM python:3.12-slim\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]\n'],
        valid: [
          'FROM python:3.12-slim\nRUN useradd --create-home app\nUSER app\nCMD ["python", "-m", "http.server"]\n',
          'FROM node:20-slim\nUSER node\n',
          'FROM gcr.io/distroless/static-debian12\nUSER nonroot\n',
          'FROM alpine:3.20\nUSER 10001:10001\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const m of missingUsers(model)) {
      const consequence = m.failingRun
        ? `the build fails at the RUN on line ${m.failingRun.range.start.line + 1}`
        : m.shipped ? 'the container fails to start' : 'containers of this stage fail to start';
      // `--force` in the Debian recipe tolerates an existing group; Alpine's only handles a group named after the user.
      const lines = createUserLines(m.facts, m.user, m.group !== undefined && !/^\d+$/.test(m.group) ? m.group : undefined);
      report({
        messageId: 'missing',
        data: { user: m.user, image: m.image, consequence },
        range: m.instr.range,
        related: m.failingRun ? [{ range: m.failingRun.range, message: `This RUN runs as '${m.user}' and fails` }] : [],
        fixes: lines ? [{ messageId: 'create', data: { user: m.user }, safety: 'unsafe', edits: [insertLinesBefore(model, m.instr.range.start.line, lines)] }] : [],
      });
    }
  },
});
