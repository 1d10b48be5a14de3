import type { Stage } from '../analysis/model';
import { argumentText, wordValue } from '../analysis/wordValue';
import { defineRule } from '../engine/defineRule';

/** Unix absolute, or a Windows drive / UNC path (`C:\app`, `c:/app`, `\\server\share`). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

export default defineRule({
  id: 'workdir-absolute',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'WorkdirRelativePath', relation: 'same' },
      { tool: 'hadolint', id: 'DL3000', relation: 'same' },
    ],
    messages: {
      relative:
        "WORKDIR '{{path}}' is relative to the base image's working directory, which this Dockerfile does not set and which may change upstream",
    },
    docs: {
      summary: 'The first WORKDIR of a stage chain must be an absolute path',
      rationale:
        'A relative `WORKDIR` is resolved against the working directory the stage already has. When nothing in ' +
        "this Dockerfile set one, that is the base image's, which its maintainers may change: `FROM nginx` + " +
        '`WORKDIR usr/share/nginx/html` only works while nginx keeps `/` as its working directory. As in ' +
        "BuildKit's WorkdirRelativePath check, only the first relative `WORKDIR` of a stage is reported, and an " +
        'absolute `WORKDIR` in the stage or in a stage it is built `FROM` makes later relative ones well defined. ' +
        'Values with variables are checked when their value is known from ARG/ENV declarations.',
      examples: {
        invalid: ['FROM nginx:1.27 AS web\nWORKDIR usr/share/nginx/html\nCOPY public .\n'],
        valid: ['FROM nginx:1.27 AS web\nWORKDIR /usr/share/nginx/html\nCOPY public .\n', 'FROM golang:1.22\nWORKDIR /src\nWORKDIR cmd/app\n'],
      },
    },
  },
  check({ model, report }) {
    // Whether a stage (and the stages it is built FROM) already set an absolute WORKDIR.
    const setIn = new Map<Stage, boolean>();
    for (const stage of model.stages) {
      let set = stage.parent ? (setIn.get(stage.parent) ?? false) : false;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'WORKDIR' || set) continue;
        const raw = argumentText(model, instr);
        const word = wordValue(model, raw, instr);
        // A value only known at build time (`$HOME/app`, an ARG without default) may well be absolute.
        if (!word.known || word.value === '') {
          set = true;
          continue;
        }
        if (!isAbsolute(word.value)) {
          report({ messageId: 'relative', data: { path: word.value }, range: { start: instr.args[0]!.range.start, end: instr.range.end } });
        }
        set = true;
      }
      setIn.set(stage, set);
    }
  },
});
