import { finalBuildTools } from '../analysis/buildTools';
import { commandRange } from '../analysis/runScript';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'no-build-tools-in-final-stage',
  meta: {
    category: 'performance',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      buildTools:
        '{{packages}} {{verb}} in the final image: build tools the running container does not need add size and attack surface; install them in a builder stage and copy only what it produces',
    },
    docs: {
      summary: 'The final image should not keep compilers, headers and other build-only packages',
      rationale:
        'Compilers (`gcc`, `g++`, `clang`), build systems (`make`, `cmake`), `build-essential`/`build-base`, ' +
        'development headers (`*-dev`, `*-devel`), `pkg-config`, `git` and language toolchains installed through ' +
        'the package manager are only needed to build. Left in the image that ships, they make it larger, slower ' +
        'to pull, and give an attacker a compiler. Build in a separate stage and `COPY --from` only the result, ' +
        'or remove them in the same RUN that installed them (`apk add --virtual .build-deps … && apk del ' +
        '.build-deps`, `apt-get purge --auto-remove`).\n\n' +
        'Only the final image counts: the target stage and the stages it is built `FROM` (an install inherited ' +
        'through `FROM base` is reported on its line in `base`). Builder stages may install anything. Packages ' +
        'removed again, in the same RUN or a later one, are not reported. The "Split into builder and runtime ' +
        'stages" refactor moves the build into a stage of its own.',
      examples: {
        invalid: ['FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install psycopg2\nCMD ["python", "app.py"]\n'],
        valid: [
          'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip wheel -w /wheels psycopg2\n\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install /wheels/*\n',
          'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const group of finalBuildTools(model)) {
      const names = group.packages.map((p) => `'${p.pkg.name}'`);
      const related = group.viaStage
        ? [{ range: group.viaStage.from.range, message: `${upperFirst(stagePhrase(group.viaStage))} is built FROM this stage, so these packages ship with it` }]
        : [];
      report({
        messageId: 'buildTools',
        data: { packages: names.join(', '), verb: names.length === 1 ? `(${group.packages[0]!.classification.reason}) stays` : 'stay' },
        range: commandRange(group.packages[0]!.script, group.packages[0]!.install.command),
        related,
      });
    }
  },
});
