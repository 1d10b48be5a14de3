/**
 * "Add --chown": sets the owner of the files a COPY/ADD creates, written as the first flag after the keyword
 * (`COPY --chown=app:app --from=build …`). Used by `copy-needs-chown`, `prefer-copy-chown` and the refactor.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Instr } from '../../analysis/model';
import { insertAfterKeyword } from '../fixes';

/** Undefined when the instruction already has `--chown` or is not COPY/ADD. */
export function addChownEdit(instr: Instr, owner: string): TextEdit | undefined {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flag('chown')) return undefined;
  return insertAfterKeyword(instr, `--chown=${owner}`);
}
