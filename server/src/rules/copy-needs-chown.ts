import { copiesNeedingChown } from '../analysis/userChecks';
import { defineRule } from '../engine/defineRule';
import { addChownEdit } from '../engine/edits/addChown';

export default defineRule({
  id: 'copy-needs-chown',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      afterUser:
        "{{keyword}} ignores 'USER {{owner}}' (line {{line}}): the files in '{{dest}}' stay owned by root, so '{{user}}' cannot modify them",
      intoHome:
        "{{keyword}} into the home of '{{user}}' runs as root: the files in '{{dest}}' stay owned by root, so '{{user}}' (USER on line {{line}}) cannot modify them",
      addChown: "Add '--chown={{owner}}'",
    },
    docs: {
      summary: 'COPY/ADD for a non-root user should set the owner with --chown',
      rationale:
        '`COPY` and `ADD` do not run as the current `USER`: the files they create belong to root unless ' +
        '`--chown` says otherwise. After `USER app`, or when copying into `/home/app`, the application then ' +
        'cannot write its own files, caches or uploads (`EACCES`/`Permission denied` at run time), and the usual ' +
        'repair, `RUN chown -R`, duplicates every file in another layer.\n\n' +
        'Only the final image is checked, and only destinations where an application keeps its files ' +
        '(`/app`, `/srv`-like paths, the working directory, `/home/<user>`): binaries copied to `/usr/local/bin` ' +
        'are better owned by root. A `--chmod` is taken as a deliberate choice of permissions.',
      fixSafety: 'Safe: adds `--chown=<user>` with the value of the USER line, which is the owner the instruction order implies.',
      examples: {
        invalid: ['FROM node:20-slim\nWORKDIR /app\nUSER node\nCOPY . .\nCMD ["node", "server.js"]\n'],
        valid: ['FROM node:20-slim\nWORKDIR /app\nUSER node\nCOPY --chown=node . .\nCMD ["node", "server.js"]\n'],
      },
    },
  },
  check({ model, report }) {
    for (const need of copiesNeedingChown(model)) {
      const edit = addChownEdit(need.instr, need.owner);
      report({
        messageId: need.reason === 'after-user' ? 'afterUser' : 'intoHome',
        data: { keyword: need.instr.keyword, owner: need.owner, user: need.user, dest: need.dest, line: need.userInstr.range.start.line + 1 },
        range: need.instr.range,
        related: [{ range: need.userInstr.range, message: `The container runs as '${need.owner}'` }],
        fixes: edit ? [{ messageId: 'addChown', data: { owner: need.owner }, safety: 'safe', edits: [edit] }] : [],
      });
    }
  },
});
