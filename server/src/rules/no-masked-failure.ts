import { recognize } from '../analysis/packageManagers';
import { runScriptsOf, type RunScript } from '../analysis/runScript';
import { commandArgs, commandName, shellOptionsAt, type ShellCommand } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { commandHeadRange } from '../engine/edits/shellEdits';

/**
 * Commands whose failure is routinely harmless and often expected (removing what may not exist, probing,
 * stripping non-binaries, stopping services that do not run in a build): `|| true` after them is deliberate.
 */
const BENIGN = new Set([
  'rm', 'rmdir', 'unlink', 'mkdir', 'ln', 'userdel', 'groupdel', 'deluser', 'delgroup', 'pkill', 'kill', 'killall',
  'umount', 'grep', 'egrep', 'fgrep', 'test', '[', '[[', 'diff', 'cmp', 'which', 'command', 'type', 'ls', 'cat',
  'chown', 'chmod', 'chgrp', 'strip', 'ldconfig', 'systemctl', 'service', 'update-ca-certificates', 'sysctl', 'set',
  'shopt', 'ulimit', 'echo', 'printf', 'true', 'false', ':', 'id', 'getent', 'apt-mark', 'dpkg-query', 'pgrep',
  'readlink', 'stat', 'file', 'find', 'xargs', 'setcap', 'chattr', 'update-alternatives', 'usermod', 'groupmod', 'cd',
]);

function benign(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  if (name === undefined || BENIGN.has(name)) return true;
  const action = recognize(cmd)?.action;
  return action === 'remove' || action === 'clean';
}

/** `true`, `:` or `exit 0` (`exit` alone returns the failed status, so it masks nothing). */
function isSuccess(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  if (name === 'true' || name === ':') return commandArgs(cmd).length === 0;
  return name === 'exit' && commandArgs(cmd).length === 1 && commandArgs(cmd)[0]!.value === '0';
}

/** The commands whose status `cmd` overrides: the list joined to it by `&&`, `||` and pipes. */
function maskedBefore(commands: readonly ShellCommand[], at: number): ShellCommand[] {
  const out: ShellCommand[] = [];
  const { parent, contexts } = commands[at]!;
  const where = contexts.join('/');
  for (let k = at - 1; k >= 0; k--) {
    const c = commands[k]!;
    if (c.parent !== parent) continue;
    // Stay inside the same compound command: `(a || true)` masks only what is in the parentheses.
    if (c.contexts.join('/') !== where) break;
    out.unshift(c);
    if (c.op !== '&&' && c.op !== '||' && c.op !== '|') break;
  }
  return out;
}

/** Commands that test something: `probe && action || true` runs the action only when the probe succeeds. */
const PROBES = new Set(['test', '[', '[[', 'grep', 'egrep', 'fgrep', 'command', 'which', 'type', 'getent', 'id', 'cat']);

interface Masking {
  readonly script: RunScript;
  readonly success: ShellCommand;
  readonly masked: ShellCommand;
  readonly how: string;
}

function maskingsIn(script: RunScript): Masking[] {
  const out: Masking[] = [];
  const commands = script.script.commands;
  commands.forEach((cmd, i) => {
    if (!isSuccess(cmd) || cmd.inCondition) return;
    const how = cmd.op === '||' ? `|| ${cmd.words.map((w) => w.value).join(' ')}` : `; ${cmd.words.map((w) => w.value).join(' ')}`;
    if (cmd.op === ';' || cmd.op === '\n') {
      // `…; true` only masks when it is the last command and errexit is off.
      const later = commands.slice(i + 1).some((c) => c.parent === cmd.parent);
      if (later || shellOptionsAt(script.script, cmd).errexit) return;
    } else if (cmd.op !== '||') return;
    const chain = maskedBefore(commands, i);
    // `[ -e x ] && cp x y || true`, `command -v gpgconf && gpgconf --kill all || :`: a conditional, whose
    // `|| true` exists for the probe failing.
    if (PROBES.has(commandName(chain[0] ?? cmd) ?? '') && chain.slice(1).some((c) => c.op === '&&')) return;
    const culprit = chain.find((c) => !benign(c));
    if (culprit) out.push({ script, success: cmd, masked: culprit, how });
  });
  return out;
}

export default defineRule({
  id: 'no-masked-failure',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      masked: "'{{how}}' hides a failure of '{{command}}': the step can no longer fail, and the build goes on with whatever it left behind",
    },
    docs: {
      summary: 'RUN steps must not hide the failure of real work with || true, || :, || exit 0 or a final ; true',
      rationale:
        'A RUN whose status is forced to success turns a failed download, compile, install or test into a ' +
        '"successful" layer that is cached and shipped: the breakage surfaces later, far from its cause. If a ' +
        'command may legitimately fail, test for that case (`[ -f x ] && …`, `command -v x`), or make the ' +
        'command itself tolerant (`rm -f`, `mkdir -p`).\n\n' +
        'To stay quiet where masking is customary, commands whose failure is usually harmless are not reported: ' +
        'removals (`rm`, `apt-get purge`, `userdel`), probes (`grep`, `test`, `which`), `strip`, `ldconfig`, ' +
        '`chown`/`chmod` and similar, and conditionals such as `[ -e x ] && cp x y || true` or `command -v x && ' +
        'x … || :`, whose `|| true` is there for the test. `; true` only counts as the last command of a script ' +
        'that does not run with `set -e`.',
      examples: {
        invalid: ['FROM node:20\nRUN npm test || true\n', 'FROM debian:12\nRUN make install; true\n'],
        valid: ['FROM debian:12\nRUN rm /etc/nginx/conf.d/default.conf || true\nRUN make install\n'],
      },
    },
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      const keyword = instr.trigger?.keyword ?? instr.keyword;
      if (keyword !== 'RUN') continue;
      for (const script of runScriptsOf(model, instr)) {
        if (script.language !== 'sh') continue;
        for (const m of maskingsIn(script)) {
          // `npm test`, `make install`: the name and its subcommand, when it has one.
          const sub = commandArgs(m.masked)[0];
          const head = commandHeadRange(model, m.masked, sub && /^[a-z][\w:.-]*$/.test(sub.raw) ? sub : undefined);
          report({
            messageId: 'masked',
            data: { how: m.how, command: model.textOf(head) },
            range: commandHeadRange(model, m.success, m.success.words[m.success.words.length - 1]),
            related: [{ range: head, message: 'This command may fail unnoticed' }],
          });
        }
      }
    }
  },
});
