import { chownFolds } from '../analysis/chownFolds';
import { commandRange } from '../analysis/runScript';
import { defineRule } from '../engine/defineRule';
import { addChownEdit } from '../engine/edits/addChown';
import { removeInstruction, replace } from '../engine/fixes';

export default defineRule({
  id: 'prefer-copy-chown',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      chownAfterCopy:
        "'chown -R' rewrites the files copied by {{copies}}: each of them is stored twice, once by the copy and again in this layer; set the owner with '--chown={{owner}}' on the copy instead",
      fold: "Use '--chown={{owner}}' on the copy and drop the chown",
    },
    docs: {
      summary: 'Set the owner of copied files with COPY --chown instead of RUN chown -R',
      rationale:
        'A layer stores every file it changes in full. `COPY app /app` followed by `RUN chown -R app /app` ' +
        'stores the application twice: once with root as owner, once more with the new owner, doubling what ' +
        'users pull. `COPY --chown=app app /app` creates the files with the right owner in one layer.\n\n' +
        'Reported on the chown command, in the final image only, when everything under the chowned path came ' +
        'from COPY/ADD instructions of the same stage (not from a RUN, a parent stage or the base image, whose ' +
        'files the chown also changes).',
      fixSafety:
        'Safe when the RUN does nothing but the chown: `--chown=<owner>` is added to the copies and the RUN is ' +
        'removed. When the chowned directory existed before the copy (created by WORKDIR or mkdir), the RUN ' +
        'becomes a non-recursive `chown` of that directory, which keeps its owner as before. RUNs that do more ' +
        'are reported without a fix.',
      examples: {
        invalid: ['FROM node:20-slim\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "/app/server.js"]\n'],
        valid: ['FROM node:20-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]\n'],
      },
    },
  },
  check({ model, report }) {
    for (const fold of chownFolds(model)) {
      const owner = fold.chown.owner!;
      const lines = fold.copies.map((c) => c.range.start.line + 1);
      const copies = `${fold.copies.map((c) => c.keyword).filter((k, i, a) => a.indexOf(k) === i).join('/')} on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
      const chownEdits = fold.copies.map((c) => addChownEdit(c, owner));
      const run = fold.chown.instr;
      let fixes: { messageId: 'fold'; data: { owner: string }; safety: 'safe'; edits: ReturnType<typeof replace>[] }[] = [];
      if (fold.onlyCommand && chownEdits.every((e) => e !== undefined)) {
        const runEdit = fold.preexisting.length > 0
          ? replace(commandRange(fold.chown.script, fold.chown.command), `chown ${owner} ${fold.preexisting.join(' ')}`)
          : removeInstruction(model, run);
        fixes = [{ messageId: 'fold', data: { owner }, safety: 'safe', edits: [...chownEdits.filter((e) => e !== undefined), runEdit] }];
      }
      report({
        messageId: 'chownAfterCopy',
        data: { copies, owner },
        range: commandRange(fold.chown.script, fold.chown.command),
        related: fold.copies.map((c) => ({ range: c.range, message: `Copies the files as root; '--chown=${owner}' would set the owner here` })),
        fixes,
      });
    }
  },
});
