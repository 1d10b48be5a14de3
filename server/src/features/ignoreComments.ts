/**
 * Edits that add a rule to a suppression comment, for the "Ignore <rule> …" code actions. An existing
 * `# stagelint-ignore…` comment of the same scope is extended (like vscode-eslint's disable-line action), so
 * repeated use never stacks comments. File-level comments go after the parser-directive block: a comment above
 * `# syntax=` would end the block and silently turn the directive into a plain comment.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../analysis/model';
import type { Suppression, SuppressionScope } from '../analysis/suppressions';
import { insertLinesBefore, lineText } from '../engine/fixes';

/** What the user replaces; the reason after `--` is required, and a visible placeholder is easy to spot. */
const REASON_PLACEHOLDER = '<reason>';

const KEYWORD: Record<SuppressionScope, string> = {
  instruction: 'stagelint-ignore',
  stage: 'stagelint-ignore-stage',
  file: 'stagelint-ignore-file',
};

function suppressionComment(scope: SuppressionScope, ruleId: string): string {
  return `# ${KEYWORD[scope]} ${ruleId} -- ${REASON_PLACEHOLDER}`;
}

/** Suppresses `ruleId` on the instruction at `line`; undefined when no instruction covers that line. */
export function ignoreInstructionEdit(model: DockerfileModel, ruleId: string, line: number): TextEdit | undefined {
  const instr = model.instructionAt({ line, character: 0 });
  if (!instr) return undefined;
  const start = instr.range.start.line;
  const existing = model.suppressions.all
    .filter((s) => s.kind === 'stagelint' && s.scope === 'instruction' && s.coversFrom === start && s.range.start.line < start)
    .pop();
  if (existing) return extend(model, existing, ruleId);
  return insertLinesBefore(model, start, [suppressionComment('instruction', ruleId)]);
}

/** Suppresses `ruleId` in the stage containing `line`; undefined for lines outside every stage. */
export function ignoreStageEdit(model: DockerfileModel, ruleId: string, line: number): TextEdit | undefined {
  const stage = stageContaining(model, line);
  if (!stage) return undefined;
  const start = stage.from.range.start.line;
  const existing = model.suppressions.all.find(
    (s) => s.kind === 'stagelint' && s.scope === 'stage' && s.coversFrom <= start && s.coversTo === stage.range.end.line,
  );
  if (existing) return extend(model, existing, ruleId);
  return insertLinesBefore(model, start, [suppressionComment('stage', ruleId)]);
}

/** Suppresses `ruleId` in the whole file, after the parser directives (and the blank line that usually follows). */
export function ignoreFileEdit(model: DockerfileModel, ruleId: string): TextEdit {
  const existing = model.suppressions.all.find((s) => s.kind === 'stagelint' && s.scope === 'file');
  if (existing) return extend(model, existing, ruleId);
  const lineCount = model.document.lineCount;
  let line = model.directiveBlockEnd;
  if (model.directives.length > 0 && line < lineCount && lineText(model, line).trim() === '') line++;
  const comment = suppressionComment('file', ruleId);
  if (line < lineCount) {
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: comment + model.eol };
  }
  // Only directives (or nothing) in the file: append after the last line.
  const last = lineCount - 1;
  const end = { line: last, character: lineText(model, last).length };
  const needsBreak = model.text.length > 0 && !model.text.endsWith('\n');
  return { range: { start: end, end }, newText: (needsBreak ? model.eol : '') + comment + model.eol };
}

function stageContaining(model: DockerfileModel, line: number): Stage | undefined {
  return model.stages.find((s) => s.range.start.line <= line && line <= s.range.end.line);
}

/** Appends `ruleId` to the id list of an existing suppression comment. */
function extend(model: DockerfileModel, s: Suppression, ruleId: string): TextEdit {
  const lastId = s.ids[s.ids.length - 1];
  if (lastId) return { range: { start: lastId.range.end, end: lastId.range.end }, newText: `, ${ruleId}` };
  // `# stagelint-ignore -- reason` without ids: insert right after the keyword.
  const text = model.textOf(s.range);
  const keyword = /stagelint-ignore(-stage|-file)?/.exec(text);
  const character = s.range.start.character + (keyword ? keyword.index + keyword[0].length : text.length);
  const at = { line: s.range.start.line, character };
  return { range: { start: at, end: at }, newText: ` ${ruleId}` };
}
