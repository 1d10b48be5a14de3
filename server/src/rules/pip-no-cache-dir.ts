import { mountedCacheKinds } from '../analysis/cacheMounts';
import { finalImageRuns } from '../analysis/finalImage';
import { packageOpsOf } from '../analysis/instrPackages';
import type { DockerfileModel, Instr } from '../analysis/model';
import { cleanupAfter } from '../analysis/packages';
import { runScriptsOf } from '../analysis/runScript';
import { defineRule } from '../engine/defineRule';
import { argWord, commandHeadRange, editableCommand, insertAfterWord, scriptOf } from '../engine/edits/shellEdits';

/** `PIP_NO_CACHE_DIR` set by ENV/ARG in scope (pip disables its cache for any value of it). */
function cacheOffByEnv(model: DockerfileModel, run: Instr): boolean {
  const r = model.expand('${PIP_NO_CACHE_DIR}', run);
  return r.unresolved.length === 0 && r.value !== '' && r.value !== '${PIP_NO_CACHE_DIR}';
}

/** Whether a RUN configures pip without a cache (`pip config set global.no-cache-dir …`). */
function configuresNoCache(model: DockerfileModel, run: Instr): boolean {
  return runScriptsOf(model, run).some((s) => s.script.commands.some((c) => c.words.some((w) => /no[-_]cache[-_]dir/i.test(w.value) && !/^--/.test(w.value))));
}

export default defineRule({
  id: 'pip-no-cache-dir',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3042', relation: 'same' }],
    messages: {
      cache: "'{{command}}' keeps its download cache (~/.cache/pip) in the final image; add '--no-cache-dir'",
      add: "Add '--no-cache-dir'",
    },
    docs: {
      summary: 'pip install in the final image should use --no-cache-dir',
      rationale:
        'pip keeps every wheel it downloads in `~/.cache/pip`. In an image that cache is never reused, but it ' +
        'ships in the layer and can double the size of a Python install. Use `pip install --no-cache-dir`, ' +
        'set `ENV PIP_NO_CACHE_DIR=1`, mount a cache (`RUN --mount=type=cache,target=/root/.cache/pip …`), or ' +
        'remove the cache in the same RUN.\n\n' +
        'Only the final image counts (the target stage and the stages it is built `FROM`): in a builder stage ' +
        'the cache is never shipped (a cache mount makes it useful there, see `prefer-cache-mount`).',
      fixSafety: 'The fix adds `--no-cache-dir` after `install`: the same packages are installed.',
      examples: {
        invalid: ['FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n'],
        valid: ['FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n'],
      },
    },
  },
  check({ model, report }) {
    const runs = finalImageRuns(model);
    // The first RUN of the image that configures pip without a cache; computed only when a pip install needs it.
    let firstConfig: number | undefined;
    const cacheOffByConfig = (run: Instr): boolean => {
      firstConfig ??= runs.find((r) => configuresNoCache(model, r))?.index ?? Number.POSITIVE_INFINITY;
      return firstConfig < run.index;
    };
    for (const run of runs) {
      const ops = packageOpsOf(model, run);
      const uncached = ops.installs.filter((install) => install.manager === 'pip' && !install.flags.noCacheDir && !cleanupAfter(ops, install, 'pip'));
      if (uncached.length === 0) continue;
      if (mountedCacheKinds(run).has('pip') || cacheOffByEnv(model, run) || cacheOffByConfig(run)) continue;
      for (const install of uncached) {
        const cmd = install.command;
        const sub = argWord(cmd, 'install');
        const edit = sub && editableCommand(scriptOf(model, run, cmd), cmd) ? insertAfterWord(model, sub, '--no-cache-dir') : undefined;
        const range = commandHeadRange(model, cmd, sub);
        report({
          messageId: 'cache',
          data: { command: model.textOf(range).replace(/\\?\s+/g, ' ') },
          range,
          fixes: edit ? [{ messageId: 'add', safety: 'safe', edits: [edit] }] : [],
        });
      }
    }
  },
});
