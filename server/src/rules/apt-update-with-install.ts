import { packageOpsOf } from '../analysis/instrPackages';
import type { DockerfileModel, Instr } from '../analysis/model';
import { cleanupKinds } from '../analysis/packageCaches';
import type { IndexUpdate, PackageOps } from '../analysis/packages';
import { shellScriptsOf } from '../analysis/runScript';
import { commandName, type ShellCommand } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { removeInstruction } from '../engine/fixes';
import { argWord, commandHeadRange } from '../engine/edits/shellEdits';
import type { TextEdit } from 'vscode-languageserver-types';

/** Commands after the update that cannot be the install it is meant for. */
const INERT = new Set(['rm', 'echo', 'printf', 'true', ':', 'set', 'sleep']);
/** Instructions a RUN may move across without changing what apt sees. */
const NEUTRAL = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'WORKDIR', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'MAINTAINER']);

function commandsOf(model: DockerfileModel, run: Instr): ShellCommand[] {
  return shellScriptsOf(model, run).flatMap((s) => [...s.script.commands]);
}

/** The update refreshes indexes that nothing in its RUN uses: no install, upgrade or unknown command follows it. */
function unused(model: DockerfileModel, run: Instr, ops: PackageOps, update: IndexUpdate): boolean {
  if (ops.installs.some((i) => i.ecosystem === 'deb' && i.seq > update.seq)) return false;
  if (ops.updates.some((u) => u.ecosystem === 'deb' && u.upgrade && u.seq > update.seq)) return false;
  const commands = commandsOf(model, run);
  const at = commands.indexOf(update.command);
  if (at < 0) return false;
  return commands.slice(at + 1).every((c) => c.parent === update.command.parent && (INERT.has(commandName(c) ?? '') || cleanupKinds(c).length > 0));
}

/** `RUN apt-get update` merged into the next RUN of the stage that installs with apt, when that is safe. */
function mergeEdits(model: DockerfileModel, run: Instr, update: IndexUpdate): { edits: TextEdit[]; redundant: boolean } | undefined {
  const commands = commandsOf(model, run);
  const stage = run.stage;
  const cmd = update.command;
  if (!stage || commands.length !== 1 || commands[0] !== cmd || cmd.parent) return undefined;
  const scripts = shellScriptsOf(model, run);
  if (scripts.length !== 1 || scripts[0]!.form !== 'shell') return undefined;
  const after = stage.instructions.slice(stage.instructions.indexOf(run) + 1);
  const next = after.find((i) => !NEUTRAL.has(i.keyword));
  if (!next || next.keyword !== 'RUN') return undefined;
  const flags = (i: Instr) => i.flags.map((f) => model.textOf(f.range)).join(' ');
  if (flags(next) !== flags(run)) return undefined;
  const nextOps = packageOpsOf(model, next);
  const install = nextOps.installs.find((i) => i.ecosystem === 'deb');
  if (!install) return undefined;
  const ownUpdate = nextOps.updates.some((u) => u.ecosystem === 'deb' && !u.upgrade && u.seq < install.seq);
  if (ownUpdate) return { edits: [removeInstruction(model, run)], redundant: true };
  const nextScripts = shellScriptsOf(model, next);
  const first = nextScripts[0]?.script.commands[0];
  if (nextScripts.length !== 1 || nextScripts[0]!.form !== 'shell' || !first || first.parent) return undefined;
  const text = model.text.slice(cmd.start, cmd.end);
  if (/[\r\n]/.test(text)) return undefined;
  const at = model.document.positionAt(first.start);
  return { edits: [removeInstruction(model, run), { range: { start: at, end: at }, newText: `${text} && ` }], redundant: false };
}

export default defineRule({
  id: 'apt-update-with-install',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'trivy', id: 'DS-0017', relation: 'same' }],
    messages: {
      alone:
        "'{{command}}' installs nothing in this RUN: a later RUN reuses the cached layer with stale package lists, so its install can fail or get outdated packages",
      merge: "Move '{{command}}' into the RUN that installs",
      remove: "Remove this '{{command}}' (the RUN that installs updates itself)",
    },
    docs: {
      summary: 'apt-get update runs in the same RUN as the apt-get install that needs it',
      rationale:
        'Each RUN is a cached layer. A RUN with only `apt-get update` is cached forever: when you later add a ' +
        'package to the next RUN, BuildKit reuses the old lists, and the install fails with 404s or installs ' +
        'outdated versions. Run `apt-get update && apt-get install …` in one RUN, so that changing the package ' +
        'list also refreshes the indexes. Applies to every stage: this breaks builder stages too.',
      fixSafety:
        'When the next RUN of the stage (with only ENV/ARG/LABEL/WORKDIR-like instructions in between) installs ' +
        'with apt and has the same RUN flags, the fix moves the update to the start of that RUN; if that RUN ' +
        'already updates, it removes the lone update. The packages installed are the same, from fresh lists.',
      examples: {
        invalid: ['FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n'],
        valid: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
      },
    },
  },
  check({ model, report }) {
    for (const run of model.instructions) {
      if (run.keyword !== 'RUN' || !run.stage) continue;
      const ops = packageOpsOf(model, run);
      for (const update of ops.updates) {
        if (update.ecosystem !== 'deb' || update.upgrade || !unused(model, run, ops, update)) continue;
        const range = commandHeadRange(model, update.command, argWord(update.command, 'update'));
        const command = model.textOf(range);
        const merge = mergeEdits(model, run, update);
        report({
          messageId: 'alone',
          data: { command },
          range,
          fixes: merge ? [{ messageId: merge.redundant ? 'remove' : 'merge', data: { command }, safety: 'safe', edits: merge.edits }] : [],
        });
      }
    }
  },
});
