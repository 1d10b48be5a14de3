import { finalImageRuns } from '../analysis/finalImage';
import { packageOpsOf } from '../analysis/instrPackages';
import type { DockerfileModel, Instr } from '../analysis/model';
import { runScriptsOf } from '../analysis/runScript';
import { commandArgs, findOptionIn } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { argWord, commandHeadRange, editableCommand, insertAfterWord, scriptOf } from '../engine/edits/shellEdits';

const SIMULATE = ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon', '-d', '--download-only'];

/** `APT::Install-Recommends "false"` written into apt's configuration by an earlier RUN of the image. */
function recommendsOffByConfig(model: DockerfileModel, before: Instr, runs: readonly Instr[]): boolean {
  return runs.some(
    (r) =>
      r.index < before.index &&
      runScriptsOf(model, r).some((s) => s.script.commands.some((c) => c.words.some((w) => /APT::Install-Recommends["'\s]+(?:false|0)\b/i.test(w.value)))),
  );
}

export default defineRule({
  id: 'apt-no-install-recommends',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [{ tool: 'hadolint', id: 'DL3015', relation: 'same' }],
    messages: {
      recommends: "'{{command}}' also installs the packages' recommendations, which the final image rarely needs; add '--no-install-recommends'",
      add: "Add '--no-install-recommends'",
    },
    docs: {
      summary: 'apt-get install in the final image should use --no-install-recommends',
      rationale:
        'By default apt also installs the packages each requested package *recommends*: documentation, ' +
        'optional helpers, sometimes a whole X11 stack. `--no-install-recommends` keeps the image to what you ' +
        'asked for, often tens of megabytes smaller.\n\n' +
        'Only the final image counts (the target stage and the stages it is built `FROM`): a builder stage is ' +
        'never shipped, so its extra packages cost nothing but build time. An earlier RUN that writes ' +
        '`APT::Install-Recommends "false"` into the apt configuration also satisfies the rule.',
      fixSafety:
        'The fix adds the option after `install`. Packages that relied on a recommendation being installed ' +
        "may miss it at run time; that is the option's purpose, so it is offered as the rule's intent.",
      examples: {
        invalid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'],
        valid: [
          'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
          'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM gcr.io/distroless/cc-debian12\n',
        ],
      },
    },
  },
  check({ model, report }) {
    const runs = finalImageRuns(model);
    for (const run of runs) {
      for (const install of packageOpsOf(model, run).installs) {
        if (install.ecosystem !== 'deb' || install.flags.noInstallRecommends || install.packages.length === 0) continue;
        // `apt-get install -s` (simulate) and `--download-only` install nothing.
        if (findOptionIn(commandArgs(install.command), SIMULATE)) continue;
        if (recommendsOffByConfig(model, run, runs)) continue;
        const cmd = install.command;
        const sub = argWord(cmd, install.subcommand);
        const script = scriptOf(model, run, cmd);
        const edit = sub && editableCommand(script, cmd) ? insertAfterWord(model, sub, '--no-install-recommends') : undefined;
        report({
          messageId: 'recommends',
          data: { command: `${install.manager} ${install.subcommand}` },
          range: commandHeadRange(model, cmd, sub),
          fixes: edit ? [{ messageId: 'add', safety: 'safe', edits: [edit] }] : [],
        });
      }
    }
  },
});
