import { mountedCacheKinds } from '../analysis/cacheMounts';
import { finalImageRuns } from '../analysis/finalImage';
import { packageOpsOf } from '../analysis/instrPackages';
import { cleanupAfter } from '../analysis/packages';
import { defineRule } from '../engine/defineRule';
import { appendToScript, argWord, commandHeadRange, scriptOf } from '../engine/edits/shellEdits';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  id: 'apt-clean-lists',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3009', relation: 'same' }],
    messages: {
      lists:
        "The package lists that 'apt-get update' downloaded stay in this layer of the final image; remove /var/lib/apt/lists/* in the same RUN (or use a cache mount)",
      append: "Append '&& " + CLEANUP + "'",
    },
    docs: {
      summary: 'A RUN of the final image that runs apt-get update and install removes the package lists in the same RUN',
      rationale:
        '`apt-get update` downloads package indexes into `/var/lib/apt/lists` (often 20–40 MB). They are only ' +
        'needed while installing; left in the layer they ship with every pull and go stale anyway. Removing ' +
        'them in a later RUN does not help: the earlier layer keeps them. End the RUN that installs with ' +
        '`rm -rf /var/lib/apt/lists/*`, or mount a cache on `/var/lib/apt/lists` ' +
        '(`RUN --mount=type=cache,target=/var/lib/apt/lists …`).\n\n' +
        'Only the final image counts (the target stage and the stages it is built `FROM`): the layers of a ' +
        'builder stage are never shipped. `apt-get clean` does not remove the lists; `apt-get dist-clean` does.',
      fixSafety: 'The fix appends the removal at the end of the RUN, after the installs, when the script ends with a plain command.',
      examples: {
        invalid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
        valid: [
          'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
          'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const run of finalImageRuns(model)) {
      if (mountedCacheKinds(run).has('apt-lists')) continue;
      const ops = packageOpsOf(model, run);
      for (const update of ops.updates) {
        if (update.ecosystem !== 'deb' || update.upgrade) continue;
        const install = ops.installs.find((i) => i.ecosystem === 'deb' && i.seq > update.seq);
        if (!install || cleanupAfter(ops, update, 'apt-lists')) continue;
        const script = scriptOf(model, run, install.command);
        const edit = script ? appendToScript(model, script, CLEANUP) : undefined;
        report({
          messageId: 'lists',
          range: commandHeadRange(model, install.command, argWord(install.command, install.subcommand)),
          related: [{ range: commandHeadRange(model, update.command, argWord(update.command, 'update')), message: 'The package lists are downloaded here' }],
          fixes: edit ? [{ messageId: 'append', safety: 'safe', edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
