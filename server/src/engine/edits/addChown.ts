/**
 * "Add --chown": sets the owner of the files a COPY/ADD creates, written as the first flag after the keyword
 * (`COPY --chown=app:app --from=build …`). Used by `copy-needs-chown`, `prefer-copy-chown` and the refactor.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Instr } from '../../analysis/model';
import { insertAfterKeyword } from '../fixes';

/**
 * What `--chown=` can take as one word: user and group names or ids, `user:group`, variables. A USER line's value
 * with quotes, blanks or a `#` (`USER root"# x`) would change how the COPY line reads.
 */
const PLAIN_OWNER = /^[\w.${}:@+-]+$/;

/** Undefined when the instruction already has `--chown`, is not COPY/ADD, or `owner` is not a plain word. */
export function addChownEdit(instr: Instr, owner: string): TextEdit | undefined {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flag('chown') || !PLAIN_OWNER.test(owner)) return undefined;
  return insertAfterKeyword(instr, `--chown=${owner}`);
}
