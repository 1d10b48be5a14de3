import { cleanPath } from '../analysis/dockerignore';
import type { Instr } from '../analysis/model';
import { shellScriptsOf } from '../analysis/runScript';
import { mountFlags, mountTarget } from '../analysis/runMounts';
import { commandArgs, commandName, type ShellCommand } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { commandHeadRange } from '../engine/edits/shellEdits';

/** Scratch places a RUN visits and leaves: a WORKDIR there would leave an empty directory in the image. */
const SCRATCH = /^\/(?:tmp|var\/tmp|dev\/shm)(?:\/|$)/;

/** Commands that may come before the real work of a script. */
const OPENERS = new Set(['set', 'export', '.', 'source', 'shopt', 'umask']);

/** A directory the RUN mounts (`--mount=type=cache,target=/installTmp`): it exists only during that RUN. */
function mounted(instr: Instr, dir: string): boolean {
  return mountFlags(instr.trigger ?? instr).some((f) => {
    const target = mountTarget(f);
    return target !== undefined && cleanPath(target) === dir;
  });
}

/** Whether a later command of the same RUN deletes `dir` (`cd /src/x && make && rm -rf /src/x`). */
function removedLater(commands: readonly ShellCommand[], from: number, dir: string): boolean {
  return commands.slice(from + 1).some(
    (c) => commandName(c) === 'rm' && commandArgs(c).some((w) => !w.value.startsWith('-') && (cleanPath(w.value) === dir || dir.startsWith(cleanPath(w.value) + '/'))),
  );
}

export default defineRule({
  id: 'no-cd-in-run',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3003', relation: 'same' }],
    messages: {
      cd: "'cd {{dir}}' only lasts until the end of this RUN; set the directory with 'WORKDIR {{dir}}' so later instructions use it too",
    },
    docs: {
      summary: 'Use WORKDIR instead of cd to change the working directory of RUN commands',
      rationale:
        'The directory a `cd` switches to is forgotten when the RUN ends, so the next RUN, COPY, CMD or ' +
        'ENTRYPOINT quietly works somewhere else, and readers have to trace every RUN to know where a command ' +
        'runs. `WORKDIR` sets it for every following instruction and creates the directory if needed.\n\n' +
        'Only the `RUN cd <dir> && …` idiom is reported: a `cd` that opens the script (after `set`, `export` or ' +
        'sourcing an environment). A `cd` further down a longer script is navigation that WORKDIR cannot ' +
        'replace. Also not reported: `cd` in a subshell, to a path built from variables, to `-`, `/` or `..`, ' +
        'into `/tmp`-like scratch places or a directory the RUN mounts, or into a directory the same RUN ' +
        'deletes afterwards (a temporary checkout), where a WORKDIR would leave an empty directory behind.',
      examples: {
        invalid: ['FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n'],
        valid: [
          'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
          'FROM debian:12\nRUN git clone https://example.com/x.git /src/x && cd /src/x && make install && rm -rf /src/x\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if ((instr.trigger?.keyword ?? instr.keyword) !== 'RUN') continue;
      for (const script of shellScriptsOf(model, instr)) {
        const commands = script.script.commands;
        // The `RUN cd /app && …` idiom: the cd opens the script (after `set`, `export` or sourcing an
        // environment). A cd further down is navigation inside a longer script, which WORKDIR cannot replace.
        let i = -1;
        let name: string | undefined;
        for (let k = 0; k < commands.length && i < 0; k++) {
          if (commands[k]!.parent !== undefined) continue;
          name = commandName(commands[k]!);
          if (!OPENERS.has(name ?? '')) i = k;
        }
        const cd = commands[i];
        if (!cd || name !== 'cd' || cd.inSubshell) continue;
        const args = commandArgs(cd).filter((w) => w.value !== '-P' && w.value !== '-L');
        const first = args[0];
        if (!first || args.length > 1 || first.expansion || first.value === '-' || first.value.startsWith('~')) continue;
        const dir = cleanPath(first.value);
        if (dir === '/' || dir === '..' || dir.startsWith('../') || SCRATCH.test(dir) || mounted(instr, dir) || removedLater(commands, i, dir)) continue;
        report({ messageId: 'cd', data: { dir: first.value }, range: commandHeadRange(model, cd, first) });
        break;
      }
    }
  },
});
