/**
 * "Add --chown" and "Fold RUN chown into COPY --chown" at the cursor: the fixes of `copy-needs-chown` and
 * `prefer-copy-chown` (a RUN that only chowns what COPY just wrote becomes `--chown` on the COPY; directories that
 * existed before keep their chown).
 *
 * The owner comes from the USER line; when it names only the user (`USER app`), the group is taken from the line
 * creating the user (`useradd --gid web app`, `adduser -G web app`, or the group of the same name these tools
 * create): BuildKit would otherwise use the user's uid as the gid, which is not the user's group in general.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { accountEventsOf } from '../analysis/users';
import { plainTitle, ruleFixAt } from './ruleFixes';
import type { Refactor, RefactorAction, RefactorContext } from './types';

/** The primary group the Dockerfile gives `user` when it creates it; undefined when it does not say. */
export function primaryGroup(model: DockerfileModel, user: string): string | undefined {
  let group: string | undefined;
  for (const instr of model.instructions) {
    if (instr.keyword !== 'RUN') continue;
    for (const event of accountEventsOf(model, instr)) {
      const account = event.account;
      if (account?.kind === 'user' && !account.membership && account.name === user && account.group !== undefined) group = account.group;
    }
  }
  return group;
}

/** `--chown=user` edits completed to `--chown=user:group` where the creation line says the group. */
export function withGroups(model: DockerfileModel, edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((e) => {
    const m = /^( ?--chown=)([A-Za-z_][\w.-]*)(\s*)$/.exec(e.newText);
    const group = m ? primaryGroup(model, m[2]!) : undefined;
    return m && group && !group.includes('$') ? { ...e, newText: `${m[1]}${m[2]}:${group}${m[3]}` } : e;
  });
}

function fromRule(id: string, ruleId: string, completeOwner: boolean): Refactor['offer'] {
  return (model: DockerfileModel, range: Range, context: RefactorContext): RefactorAction | undefined => {
    const found = ruleFixAt(model, range, context.files, ruleId);
    if (!found || found.fix.edits.length === 0) return undefined;
    const edits = completeOwner ? withGroups(model, found.fix.edits) : [...found.fix.edits];
    const owner = /--chown=(\S+)/.exec(edits.map((e) => e.newText).join(' '))?.[1];
    const title = completeOwner && owner ? `Add '--chown=${owner}'` : plainTitle(found.fix);
    return { id, title, kind: 'refactor.rewrite', edits };
  };
}

export const addChown: Refactor = {
  id: 'add-chown',
  kind: 'refactor.rewrite',
  resolves: ['copy-needs-chown'],
  safety: 'safe',
  offer: fromRule('add-chown', 'copy-needs-chown', true),
};

export const foldChown: Refactor = {
  id: 'fold-chown',
  kind: 'refactor.rewrite',
  resolves: ['prefer-copy-chown'],
  safety: 'safe',
  offer: fromRule('fold-chown', 'prefer-copy-chown', false),
};
