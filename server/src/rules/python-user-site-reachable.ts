import type { Instr, Token } from '../analysis/model';
import { userSiteIssues } from '../analysis/pythonSites';
import { defineRule } from '../engine/defineRule';
import { insertLinesAfter, replace } from '../engine/fixes';

export default defineRule({
  id: 'python-user-site-reachable',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      rootHome:
        "Packages installed with 'pip install --user' are in '{{site}}', but the container runs as '{{user}}', who cannot read /root (mode 700), so their imports fail",
      otherHome:
        "Packages installed with 'pip install --user' are in '{{site}}', but the container runs as '{{user}}', whose Python only looks in '{{expected}}', so their imports fail",
      notOnPath:
        "'{{program}}' is installed by 'pip install --user' into '{{site}}/bin', which is not on PATH, so the container fails to start: '{{program}}' is not found",
      moveSite: "Copy the packages to '{{expected}}'",
      addPath: "Add '{{site}}/bin' to PATH",
    },
    docs: {
      summary: "Packages installed with pip --user must be where the runtime user's Python and PATH find them",
      rationale:
        '`pip install --user` installs into `$HOME/.local` of the user running pip: `/root/.local` for root. ' +
        'Python only reads the user site of the current `$HOME`, so the packages are invisible to another ' +
        'user; `/root` itself is mode 700 on the official images, so even `PYTHONPATH` does not help a non-root ' +
        'user. Console scripts (`gunicorn`, `uvicorn`, `celery`) go to `$HOME/.local/bin`, which is not on ' +
        "the default PATH.\n\nThe multi-stage idiom `COPY --from=builder /root/.local /root/.local` plus " +
        '`USER app` hits both. Copy the site to the runtime user\'s home (`/home/app/.local`, with ' +
        '`--chown`), or install into a virtualenv or with `--prefix`, and add its `bin/` to PATH.\n\n' +
        'Reported on the COPY that moves the packages (or on the `pip install --user` when they stay in ' +
        'place). Silent when `PYTHONUSERBASE` or `PYTHONPATH` is set, or when the runtime user or its home ' +
        'is unknown.',
      fixSafety:
        'Unsafe: moving the site changes where the files land (add `--chown` so the user owns them); adding ' +
        'a PATH entry changes which program a name resolves to.',
      examples: {
        invalid: [
          'FROM python:3.12 AS build\nRUN pip install --user gunicorn flask\n\nFROM python:3.12-slim\nRUN useradd -m app\nCOPY --from=build /root/.local /root/.local\nUSER app\nCMD ["python", "-m", "flask", "run"]\n',
        ],
        valid: [
          'FROM python:3.12 AS build\nRUN pip install --user gunicorn flask\n\nFROM python:3.12-slim\nRUN useradd -m app\nCOPY --from=build --chown=app /root/.local /home/app/.local\nENV PATH=/home/app/.local/bin:$PATH\nUSER app\nCMD ["gunicorn", "app:app"]\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const issue of userSiteIssues(model)) {
      const user = issue.runtime.written ?? issue.runtime.user ?? '';
      const related = [{ range: issue.install.range, message: `'pip install --user' installs into ${issue.install.instr.stage === issue.target ? issue.site : 'the user site'} here` }];
      if (issue.runtime.instr) related.push({ range: issue.runtime.instr.range, message: `The container runs as '${user}'` });
      if (issue.kind === 'not-on-path') {
        const start = issue.program!.instr;
        related.push({ range: start.range, message: `Starts '${issue.program!.name}'` });
        const edit = insertLinesAfter(model, issue.instr, [`ENV PATH="${issue.site}/bin:$PATH"`]);
        report({
          messageId: 'notOnPath',
          data: { program: issue.program!.name, site: issue.site },
          range: issue.range,
          related,
          fixes: edit ? [{ messageId: 'addPath', data: { site: issue.site }, safety: 'unsafe', edits: [edit] }] : [],
        });
        continue;
      }
      const dest = issue.flow ? copyDestToken(issue.flow.instr) : undefined;
      const fixes = issue.expected && dest && /^\/[\w./-]+$/.test(dest.value)
        ? [{ messageId: 'moveSite' as const, data: { expected: issue.expected }, safety: 'unsafe' as const, edits: [replace(dest.range, issue.expected)] }]
        : [];
      report({
        messageId: issue.kind === 'root-home' ? 'rootHome' : 'otherHome',
        data: { site: issue.site, user, expected: issue.expected ?? '' },
        range: issue.range,
        related,
        fixes,
      });
    }
  },
});

function copyDestToken(instr: Instr): Token | undefined {
  return instr.args[instr.args.length - 1];
}
