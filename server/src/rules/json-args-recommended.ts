import { chainInstructions } from '../analysis/finalImage';
import type { DockerfileModel, Instr } from '../analysis/model';
import { hasEntrypoint, runScriptsOf } from '../analysis/runScript';
import type { ShellCommand } from '../analysis/shell';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

/** A SHELL instruction before `instr` in its stage or the stages it is built FROM (BuildKit's image config Shell). */
function shellSet(instr: Instr): boolean {
  return instr.stage !== undefined && chainInstructions(instr.stage, instr).some((i) => i.keyword === 'SHELL');
}

/** The one simple command of a shell-form CMD/ENTRYPOINT, when it contains no shell syntax at all. */
function plainCommand(model: DockerfileModel, instr: Instr): ShellCommand | undefined {
  const scripts = runScriptsOf(model, instr);
  const script = scripts[0];
  if (scripts.length !== 1 || !script || script.form !== 'shell' || script.language !== 'sh') return undefined;
  // Commands parsed out of a `sh -c '…'` string belong to that string, which stays one argument.
  const commands = script.script.commands.filter((c) => c.parent === undefined);
  const cmd = commands[0];
  if (commands.length !== 1 || !cmd) return undefined;
  if (cmd.assignments.length || cmd.redirects.length || cmd.op || cmd.nextOp || cmd.contexts.length || cmd.negated || cmd.background) return undefined;
  // Globs, `~`, comments and expansions need a shell; so does an escape character outside quotes.
  const text = model.text.slice(script.start, script.end);
  if (/[#`$]/.test(text)) return undefined;
  const ok = cmd.words.every((w) => {
    const unquoted = w.raw.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');
    const doubleQuoted = w.raw.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    return !w.expansion && !/[*?[\]{}\\~'"]/.test(unquoted) && doubleQuoted.every((q) => !q.includes('\\'));
  });
  return ok ? cmd : undefined;
}

/** Converting changes what runs when a CMD is the argument list of an ENTRYPOINT, or an ENTRYPOINT has a CMD. */
function interplay(instr: Instr): boolean {
  if (instr.keyword === 'CMD') return hasEntrypoint(instr);
  return instr.stage?.instructions.some((i) => i.keyword === 'CMD') ?? false;
}

export default defineRule({
  id: 'json-args-recommended',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'JSONArgsRecommended', relation: 'same' },
      { tool: 'hadolint', id: 'DL3025', relation: 'same' },
    ],
    messages: {
      shellForm: "Shell-form {{keyword}} runs under '/bin/sh -c', which does not pass signals such as SIGTERM on to the program; write it in JSON form",
      toJson: "Write {{keyword}} {{json}}",
    },
    docs: {
      summary: 'CMD and ENTRYPOINT in JSON (exec) form',
      rationale:
        'In shell form (`CMD node server.js`) the container runs `/bin/sh -c "node server.js"`: the shell is ' +
        'PID 1, and `docker stop` sends SIGTERM to the shell, which does not forward it. The program never ' +
        'shuts down cleanly and is killed after the timeout. The JSON form (`CMD ["node", "server.js"]`) ' +
        'runs the program directly. As in BuildKit, a `SHELL` instruction earlier in the stage chain marks ' +
        'shell form as deliberate and silences the rule. If you need shell features, use a script with ' +
        '`exec "$@"` and point a JSON-form ENTRYPOINT at it.',
      fixSafety:
        'The fix converts only commands with no shell syntax at all (no variables, globs, pipes, `&&`, ' +
        'redirections, quotes with escapes or comments), so the program and its arguments stay the same; ' +
        'the JSON strings are escaped. It is not offered where the conversion changes more than the ' +
        'signal handling: a CMD that is the argument list of an ENTRYPOINT, or an ENTRYPOINT in a stage with ' +
        'a CMD.',
      examples: {
        invalid: ['FROM alpine:3.20\nENTRYPOINT my-program start\n'],
        valid: ['FROM alpine:3.20\nENTRYPOINT ["my-program", "start"]\n', 'FROM alpine:3.20\nRUN apk add bash\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n'],
      },
    },
  },
  check({ model, report }) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
      const first = instr.args[0];
      if (!first || runScriptsOf(model, instr)[0]?.form === 'exec' || shellSet(instr)) continue;
      const range = { start: first.range.start, end: instr.range.end };
      const cmd = interplay(instr) ? undefined : plainCommand(model, instr);
      const json = cmd ? `[${cmd.words.map((w) => JSON.stringify(w.value)).join(', ')}]` : '';
      report({
        messageId: 'shellForm',
        data: { keyword: instr.keyword },
        range,
        fixes: cmd ? [{ messageId: 'toJson', data: { keyword: instr.keyword, json }, safety: 'safe', edits: [replace(range, json)] }] : [],
      });
    }
  },
});
