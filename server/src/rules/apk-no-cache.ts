import { mountedCacheKinds } from '../analysis/cacheMounts';
import { finalImageRuns } from '../analysis/finalImage';
import { packageOpsOf } from '../analysis/instrPackages';
import { cleanupAfter } from '../analysis/packages';
import { commandArgs, findOptionIn } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { argWord, commandHeadRange, editableCommand, insertAfterWord, scriptOf } from '../engine/edits/shellEdits';

export default defineRule({
  id: 'apk-no-cache',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3019', relation: 'same' }],
    messages: {
      cache: "'apk add' keeps the package index and downloads in /var/cache/apk of the final image; add '--no-cache'",
      add: "Add '--no-cache'",
    },
    docs: {
      summary: 'apk add in the final image should use --no-cache',
      rationale:
        '`apk add` without `--no-cache` stores the package index (and, with a configured cache, the packages) ' +
        'in `/var/cache/apk`, which then ships in the layer. `apk add --no-cache` fetches a fresh index and keeps ' +
        'nothing, so `apk update` and `rm -rf /var/cache/apk/*` become unnecessary. A cache mount on ' +
        '`/var/cache/apk`, or removing that directory in the same RUN, also satisfies the rule.\n\n' +
        'Only the final image counts (the target stage and the stages it is built `FROM`): a builder stage is ' +
        'never shipped.',
      fixSafety: 'The fix adds `--no-cache` after `add`: the same packages are installed, only the cache is not kept.',
      examples: {
        invalid: ['FROM alpine:3.20\nRUN apk add curl\n'],
        valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n', 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n'],
      },
    },
  },
  check({ model, report }) {
    for (const run of finalImageRuns(model)) {
      if (mountedCacheKinds(run).has('apk')) continue;
      const ops = packageOpsOf(model, run);
      for (const install of ops.installs) {
        if (install.manager !== 'apk' || install.flags.noCache || install.packages.length === 0) continue;
        // `--no-network` installs from what is already there (the docker-library `.rundeps` idiom): nothing is fetched.
        if (findOptionIn(commandArgs(install.command), ['--no-network'])) continue;
        if (cleanupAfter(ops, install, 'apk')) continue;
        const cmd = install.command;
        const sub = argWord(cmd, install.subcommand);
        const edit = sub && editableCommand(scriptOf(model, run, cmd), cmd) ? insertAfterWord(model, sub, '--no-cache') : undefined;
        report({
          messageId: 'cache',
          range: commandHeadRange(model, cmd, sub),
          fixes: edit ? [{ messageId: 'add', safety: 'safe', edits: [edit] }] : [],
        });
      }
    }
  },
});
