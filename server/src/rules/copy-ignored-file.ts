import { copiesIn } from '../analysis/copySources';
import { parseDockerignore } from '../analysis/dockerignore';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'copy-ignored-file',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'buildkit', id: 'CopyIgnoredFile', relation: 'same' }],
    messages: {
      ignored:
        "'{{source}}' is excluded by .dockerignore ('{{pattern}}' on line {{line}}), so it is not in the build context and {{keyword}} fails",
      everything:
        "{{keyword}} of the whole context copies nothing: .dockerignore excludes everything ('{{pattern}}' on line {{line}})",
    },
    docs: {
      summary: 'COPY and ADD must not name files that .dockerignore leaves out of the build context',
      rationale:
        'Files matched by `.dockerignore` are never sent to the builder, so `COPY` or `ADD` of such a path ' +
        'fails with "not found" — often only in CI, where the build runs from a clean checkout. Patterns are ' +
        'matched with Docker\'s semantics (anchored at the context root, `**`, `!` exceptions, the last ' +
        'matching line wins, a matched directory excludes everything below it).\n\n' +
        'To avoid false alarms the rule stays silent for a path that an `!` exception could bring back (the ' +
        'path, a parent, or anything below it), for wildcard sources, for values only known at build time, and ' +
        '`COPY . …` is only reported when a catch-all `*` or `**` leaves nothing to copy. Unlike BuildKit, ' +
        'which turns the check off as soon as the file contains any `!` line, unrelated exceptions do not ' +
        'silence it. It needs the `.dockerignore` next to the Dockerfile, which the editor and the CLI read.',
      examples: {
        invalid: ['FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n'],
        valid: ['FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\n'],
      },
      exampleFiles: { dockerignore: { path: '.dockerignore', content: 'tmp/\nnode_modules\n' } },
    },
  },
  check({ model, files, report }) {
    const ignore = files.dockerignore;
    if (!ignore) return;
    const matcher = parseDockerignore(ignore.content);
    if (!matcher.valid) return;
    for (const stage of model.stages) {
      for (const parts of copiesIn(model, stage.instructions)) {
        if (!parts.fromContext) continue;
        for (const source of parts.sources) {
          const path = source.path;
          if (path === undefined || source.glob || path.startsWith('..')) continue;
          if (path === '.') {
            const catchAll = matcher.patterns.find((p) => !p.exclusion && (p.pattern === '*' || p.pattern === '**'));
            if (!catchAll || matcher.mayReinclude('.')) continue;
            report({
              messageId: 'everything',
              data: { keyword: parts.instr.keyword, pattern: catchAll.pattern, line: catchAll.line + 1 },
              range: source.range,
            });
            continue;
          }
          const by = matcher.excludedBy(path);
          if (!by || matcher.mayReinclude(path)) continue;
          report({
            messageId: 'ignored',
            data: { source: source.raw, pattern: by.pattern, line: by.line + 1, keyword: parts.instr.keyword },
            range: source.range,
          });
        }
      }
    }
  },
});
