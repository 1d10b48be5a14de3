import { findDepsBeforeSource, type FixBlocker } from '../analysis/dependencyOrder';
import { commandRange } from '../analysis/runScript';
import { defineRule } from '../engine/defineRule';
import { copyManifestsFirstEdits } from '../engine/edits/manifestsFirst';

const ADVICE: Readonly<Record<FixBlocker, string>> = {
  'needs-sources': 'it also builds the project, so add a dependency-only step before the COPY',
  'unknown-manifests': 'copy the manifests first (not fixed automatically: they cannot be named with certainty)',
  'other-commands': 'copy the manifests first (not fixed automatically: the same RUN runs commands that may need the sources)',
  'instructions-between': 'copy the manifests first (not fixed automatically: instructions in between may need the sources)',
  'copy-shape': 'copy the manifests first (not fixed automatically: the COPY also copies other files)',
};

export default defineRule({
  id: 'deps-before-source',
  meta: {
    category: 'performance',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      order:
        "'{{copy}}' copies all sources before '{{install}}' on line {{line}}: any source change reinstalls every dependency; copy the manifests first",
      orderNoFix:
        "'{{copy}}' copies all sources before '{{install}}' on line {{line}}: any source change reinstalls every dependency; {{advice}}",
      fix: 'Copy {{manifests}} first',
    },
    docs: {
      summary: 'Copy dependency manifests and install dependencies before copying the rest of the sources',
      rationale:
        'BuildKit reuses a layer only while everything it depends on is unchanged. After `COPY . .`, the next ' +
        'RUN depends on every file of the context, so editing one line of code re-runs `npm ci`, ' +
        '`pip install -r requirements.txt` or `go mod download` from scratch. Copy the manifests ' +
        '(`package.json` and its lockfile, `requirements*.txt`, `go.mod`/`go.sum`, `Gemfile.lock`, …) first, ' +
        'install, then copy the sources: the install layer stays cached until a manifest changes.\n\n' +
        'The rule knows the installs of pip (`-r`), uv, poetry, pipenv, npm, yarn, pnpm, bun, `go mod ' +
        'download`, cargo, Maven, Gradle, bundler, composer and `dotnet restore`. Installs that also build the ' +
        'project (`cargo build`, `mvn package`, `poetry install` without `--no-root`) are reported without a ' +
        'fix: they need a dependency-only step first (`cargo chef`, `mvn dependency:go-offline`, ' +
        '`poetry install --no-root`). Every stage counts, builder stages included: that is where installs are.',
      fixSafety:
        'The fix turns `COPY . <dest>` into a COPY of the manifests (same flags, such as `--chown` and ' +
        '`--link`) and moves the original COPY below the install, so the image ends up with the same files. ' +
        "When the context's files are known, only manifests that exist are copied; otherwise optional ones " +
        '(lockfiles) get a trailing `*`, which BuildKit accepts when nothing matches. It is only offered when ' +
        'the RUN does nothing else that could read the sources, nothing but ENV/ARG/LABEL/USER-like ' +
        'instructions sits between the COPY and the install, and the ecosystem is not a workspace/monorepo ' +
        'layout (`pnpm-workspace.yaml`, `go.work`, a `.gemspec`, a `.sln`).',
      examples: {
        invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n'],
        valid: ['FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n'],
      },
    },
  },
  check({ model, files, report }) {
    for (const issue of findDepsBeforeSource(model, files.contextFiles)) {
      const edits = copyManifestsFirstEdits(model, issue);
      const data = {
        copy: model.textOf({ start: issue.copy.instr.keywordRange.start, end: issue.copy.instr.range.end }).split(/\r?\n/)[0]!,
        install: issue.installs[0]!.label,
        line: issue.run.range.start.line + 1,
      };
      const related = [{ range: commandRange(issue.script, issue.command), message: `'${data.install}' runs after every source change` }];
      if (!edits) {
        report({ messageId: 'orderNoFix', data: { ...data, advice: ADVICE[issue.fixBlocker ?? 'unknown-manifests'] }, range: issue.source.range, related });
        continue;
      }
      const manifests = issue.manifestCopies!.flatMap((c) => c.sources).join(', ');
      report({
        messageId: 'order',
        data,
        range: issue.source.range,
        related,
        fixes: [{ messageId: 'fix', data: { manifests }, safety: 'safe', edits }],
      });
    }
  },
});
