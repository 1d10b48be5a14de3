import { copiesIn, wholeContextSource } from '../analysis/copySources';
import { proposeDockerignoreFor } from '../analysis/ecosystems';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'require-dockerignore',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      missing:
        "'{{copy}}' copies the whole build context, but there is no .dockerignore: .git, local dependencies, build output and files such as .env are sent to the builder and copied in",
      create: 'Create .dockerignore{{ecosystems}}',
    },
    docs: {
      summary: 'Copying the whole build context needs a .dockerignore next to the Dockerfile',
      rationale:
        'Without `.dockerignore`, `COPY . .` sends and copies everything in the directory: the `.git` history, ' +
        '`node_modules` or `.venv` from your machine (built for another OS, and shadowing the ones the image ' +
        'installs), build output, editor files and `.env` files with secrets. The build is slower, the layer ' +
        'cache breaks on unrelated changes, and the image can leak credentials. Reachable stages only: a stage ' +
        'the build never runs copies nothing. The rule needs to know whether the file exists, which the editor ' +
        'and the CLI check; it stays silent when that is unknown.',
      fixSafety:
        'The fix creates `.dockerignore` with entries for the ecosystems the Dockerfile uses. It leaves out ' +
        'what the build may read: output directories are listed only when the Dockerfile recreates them ' +
        '(`node_modules` with `npm ci`, `target` with `cargo build`, `bin`/`obj` with `dotnet restore`), ' +
        '`.git` only when nothing that may read it runs (`git`, `make`, project scripts, `npm run`, a ' +
        'from-source Python install), and no entry excludes a path ' +
        'the Dockerfile copies by name.',
      examples: {
        invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n'],
        valid: ['FROM node:20-slim\nWORKDIR /app\nCOPY package.json server.js ./\nCMD ["node", "server.js"]\n'],
      },
      exampleFiles: { dockerignore: null },
    },
  },
  check({ model, files, report }) {
    if (files.dockerignore !== null) return;
    for (const stage of model.stages) {
      if (!model.isReachable(stage)) continue;
      for (const parts of copiesIn(model, stage.instructions)) {
        const source = wholeContextSource(parts);
        if (!source) continue;
        const proposal = proposeDockerignoreFor(model, files.contextFiles);
        const labels = proposal.ecosystems.length ? ` (${proposal.ecosystems.join(', ')})` : '';
        report({
          messageId: 'missing',
          data: { copy: model.textOf({ start: parts.instr.keywordRange.start, end: parts.instr.range.end }).split(/\r?\n/)[0]! },
          range: source.range,
          fixes: [{ messageId: 'create', data: { ecosystems: labels }, safety: 'safe', edits: [], createFiles: [{ path: '.dockerignore', content: proposal.content }] }],
        });
        return; // one report per Dockerfile: there is one .dockerignore to create
      }
    }
  },
});
