import { rootFinalImages } from '../analysis/rootUser';
import { defineRule } from '../engine/defineRule';
import { insertBeforeStart, nonRootPlan } from '../engine/edits/addUser';

export default defineRule({
  id: 'no-root-final-stage',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3002', relation: 'inspired' }],
    messages: {
      noUser:
        "The final image runs as root: no USER is set in it and '{{image}}' starts as root, so a compromised process has root rights in the container",
      rootUser:
        "The final image runs as root: the last USER (line {{line}}) is '{{user}}', so a compromised process has root rights in the container",
      addUser: "Run as '{{user}}'",
    },
    docs: {
      summary: 'The final image should switch to a non-root user',
      rationale:
        'A container runs as the image\'s user. As root, a compromised process can modify the whole container ' +
        'filesystem, and any kernel or runtime escape starts with root rights. Create an unprivileged user (or ' +
        'use the one the base image ships: `node` in the node images, `nonroot` in distroless, `app` in .NET 8+) ' +
        'and set `USER` before CMD/ENTRYPOINT.\n\n' +
        'Only the final image counts (the target stage and the stages it is built `FROM`), so builder stages may ' +
        'run as root; hadolint\'s DL3002 checks every stage. Users that the base image ships count only when a ' +
        '`USER` selects them, except when the image already starts as a non-root user (distroless `:nonroot`). ' +
        'The rule is silent when the base image is not curated (it may set its own USER), when the user is a ' +
        'build-time variable, and when the image drops privileges at start-up (`gosu`, `su-exec`, `setpriv`).',
      fixSafety:
        'Unsafe: the process loses root rights, so writes to root-owned paths and binding ports below 1024 ' +
        'fail. The fix creates the account with the base family\'s tools (Debian/Ubuntu `groupadd`/`useradd`, ' +
        'Alpine `addgroup -S`/`adduser -S`) or uses the user the image ships, and adds `USER` after the stage\'s last RUN or ' +
        'USER, before the CMD/ENTRYPOINT that follows them. Images of other families get no fix.',
      examples: {
        invalid: ['FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n'],
        valid: [
          'FROM python:3.12-slim\nRUN useradd --create-home app\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]\n',
          'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n',
          'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const finding of rootFinalImages(model)) {
      const plan = nonRootPlan(finding.facts, finding.createdUser);
      const edit = plan && insertBeforeStart(model, finding.target, plan.lines);
      const fixes = plan && edit ? [{ messageId: 'addUser' as const, data: { user: plan.user }, safety: 'unsafe' as const, edits: [edit] }] : [];
      if (finding.userInstr) {
        report({
          messageId: 'rootUser',
          data: { line: finding.userInstr.range.start.line + 1, user: finding.user },
          range: finding.target.from.range,
          related: [{ range: finding.userInstr.range, message: `USER ${finding.user} is the last USER of the final image` }],
          fixes,
        });
      } else {
        report({ messageId: 'noUser', data: { image: finding.image }, range: finding.target.from.range, fixes });
      }
    }
  },
});
