/**
 * Stage-aware completion:
 * - stage names after `COPY/ADD --from=` and `RUN --mount=…,from=` (every other stage: BuildKit allows
 *   forward references there), unnamed stages by index;
 * - stage names after `FROM` (earlier stages only: `FROM x` never resolves to a later stage);
 * - rule ids inside `# stagelint-ignore…` comments.
 * The context is read from the text before the cursor within the current instruction, because the instruction
 * being typed is often incomplete.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { docsUrl } from '../../../shared/src/docsUrl';
import type { DockerfileModel, Stage } from '../analysis/model';
import { inferStageRole, stageRoleLabel } from '../analysis/stageRole';
import { allRules } from '../rules';
import { stageHoverMarkdown } from './stageHover';
import { baseDescription } from './stageLabels';
import { stageKnowledge } from './stageKnowledge';

function lineText(model: DockerfileModel, pos: Position): string {
  return model.document.getText({ start: { line: pos.line, character: 0 }, end: pos });
}

function replaceRange(pos: Position, prefixLength: number): Range {
  return { start: { line: pos.line, character: pos.character - prefixLength }, end: pos };
}

function stageItem(model: DockerfileModel, stage: Stage, prefix: string, pos: Position, byIndex: boolean): CompletionItem {
  const text = byIndex ? String(stage.index) : stage.name!.text;
  return {
    label: text,
    kind: CompletionItemKind.Module,
    detail: `${stageRoleLabel(inferStageRole(model, stage))} · ${baseDescription(stage) || stage.base.kind}`,
    documentation: { kind: MarkupKind.Markdown, value: stageHoverMarkdown(model, stage, stageKnowledge) },
    textEdit: { range: replaceRange(pos, prefix.length), newText: text },
    // Keep file order: the stage defined closest above usually is the one wanted, but order is what users scan.
    sortText: String(stage.index).padStart(4, '0'),
    filterText: text,
  };
}

function stageItems(model: DockerfileModel, candidates: readonly Stage[], prefix: string, pos: Position): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const stage of candidates) {
    if (stage.name) items.push(stageItem(model, stage, prefix, pos, false));
    else if (/^\d*$/.test(prefix)) items.push(stageItem(model, stage, prefix, pos, true));
  }
  return items;
}

function ruleIdItems(prefix: string, pos: Position): CompletionItem[] {
  return allRules.map((rule) => ({
    label: rule.id,
    kind: CompletionItemKind.Value,
    detail: `${rule.meta.category} · ${rule.meta.defaultSeverity}`,
    documentation: { kind: MarkupKind.Markdown, value: `${rule.meta.docs.summary}\n\n[Documentation](${docsUrl(rule.id)})` },
    textEdit: { range: replaceRange(pos, prefix.length), newText: rule.id },
  }));
}

const IGNORE_COMMENT = /^\s*#\s*stagelint-ignore(?:-stage|-file)?\s/;

export interface CompletionOptions {
  /**
   * Another Dockerfile server (dockerfile-language-service) is active and already completes `COPY --from=`:
   * leave that one to it and offer only what it lacks (FROM, mount `from=`, rule ids).
   */
  readonly peerActive?: boolean;
}

export function completion(model: DockerfileModel, pos: Position, options: CompletionOptions = {}): CompletionItem[] {
  const before = lineText(model, pos);
  const ignore = IGNORE_COMMENT.exec(before);
  // Rule ids come before the ` -- reason` separator.
  if (ignore && !before.slice(ignore[0].length).includes('--')) {
    const prefix = /[^\s,]*$/.exec(before)![0];
    return ruleIdItems(prefix, pos);
  }
  if (/^\s*#/.test(before)) return [];
  const instr = model.instructionAt(pos) ?? model.instructions.filter((i) => i.range.start.line <= pos.line).pop();
  const keyword = instr && instr.range.start.line <= pos.line ? instr.keyword : undefined;
  const textBefore = instr ? model.document.getText({ start: instr.range.start, end: pos }) : before;
  const current = instr?.stage;

  if ((keyword === 'COPY' || keyword === 'ADD' || keyword === 'ONBUILD') && !options.peerActive) {
    const m = /--from=([A-Za-z0-9_.-]*)$/.exec(textBefore);
    if (m) return stageItems(model, model.stages.filter((s) => s !== current), m[1]!, pos);
  }
  if (keyword === 'RUN' || keyword === 'ONBUILD') {
    const m = /--mount=(?:[^\s]*,)?from=([A-Za-z0-9_.-]*)$/.exec(textBefore);
    if (m) return stageItems(model, model.stages.filter((s) => s !== current), m[1]!, pos);
  }
  if (keyword === 'FROM') {
    const m = /^FROM(?:\s+--\S+)*\s+([A-Za-z0-9_.-]*)$/i.exec(textBefore.replace(/\\\r?\n/g, ' '));
    if (m && current) return stageItems(model, model.stages.filter((s) => s.index < current.index && s.name), m[1]!, pos);
  }
  return [];
}
