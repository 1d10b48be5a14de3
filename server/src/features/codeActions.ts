/**
 * Code actions for stagelint diagnostics (pure: the LSP handler passes in the current model, its problems and
 * the lint options). Per diagnostic: its fixes as quick fixes, "Fix all <rule> problems in this file" when the
 * rule has several safe fixes, and ignore-comment actions for the instruction, the stage and the file. On
 * request (`context.only`), `source.fixAll.stagelint` applies every safe fix.
 *
 * Diagnostics computed for an older document version carry stale edits; their problem is then looked up again
 * in the current problems instead of trusting `data`.
 */
import type {
  CodeAction, CodeActionKind, CreateFile, Diagnostic, Range, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { CODE_ACTION_KINDS } from '../../../shared/src/protocol';
import type { DockerfileModel } from '../analysis/model';
import { applyFixes } from '../engine/applyFixes';
import type { LintOptions } from '../engine/lint';
import type { FileCreation, Fix, Problem } from '../engine/problem';
import { diagnosticData } from './diagnostics';
import { ignoreFileEdit, ignoreInstructionEdit, ignoreStageEdit } from './ignoreComments';
import { intersects, sameRange } from './ranges';

export interface EditSupport {
  /** The client accepts `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
  /** The client can create files in a workspace edit (resource operation `create`). */
  readonly createFiles: boolean;
}

export interface CodeActionInput {
  /** Model of the document's current version. */
  readonly model: DockerfileModel;
  /** Problems of the current version (all rules, suppressions applied). */
  readonly problems: readonly Problem[];
  /** Options the problems were linted with (used again for fix-all). */
  readonly lintOptions: LintOptions;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  readonly support: EditSupport;
  readonly ignoreCommentActions: boolean;
  /** False for rules whose problems cannot be suppressed (`unused-suppression`). */
  readonly isSuppressible: (ruleId: string) => boolean;
}

interface ResolvedProblem {
  readonly ruleId: string;
  readonly range: Range;
  readonly fixes: readonly Fix[];
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction | undefined) => {
    if (!action || !wants(input.only, action.kind)) return;
    const key = `${action.kind}\u0000${action.title}`;
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action);
  };
  const { model } = input;

  for (const diagnostic of input.diagnostics) {
    const problem = resolve(diagnostic, input);
    if (!problem) continue;
    const safeFixes = problem.fixes.filter((f) => f.safety === 'safe');
    for (const fix of problem.fixes) {
      const edit = workspaceEdit(model, fix.edits, fix.createFiles ?? [], input.support);
      if (!edit) continue;
      add({
        title: fix.title,
        kind: CODE_ACTION_KINDS.quickfix,
        diagnostics: [diagnostic],
        edit,
        ...(fix.safety === 'safe' && safeFixes.length === 1 ? { isPreferred: true } : {}),
      });
    }
    if (safeFixes.length > 0 && countSafeFixes(input.problems, problem.ruleId) > 1 && wants(input.only, CODE_ACTION_KINDS.quickfix)) {
      add(fixAllAction(input, `Fix all ${problem.ruleId} problems in this file`, CODE_ACTION_KINDS.quickfix, [problem.ruleId], [diagnostic]));
    }
    if (input.ignoreCommentActions && input.isSuppressible(problem.ruleId)) {
      const line = problem.range.start.line;
      const ignore = (title: string, kind: string, edit: TextEdit | undefined): CodeAction | undefined =>
        edit ? { title, kind, diagnostics: [diagnostic], edit: workspaceEdit(model, [edit], [], input.support) } : undefined;
      add(ignore(`Ignore ${problem.ruleId} for this instruction`, CODE_ACTION_KINDS.ignoreInstruction, ignoreInstructionEdit(model, problem.ruleId, line)));
      add(ignore(`Ignore ${problem.ruleId} for this stage`, CODE_ACTION_KINDS.ignoreStage, ignoreStageEdit(model, problem.ruleId, line)));
      add(ignore(`Ignore ${problem.ruleId} in this file`, CODE_ACTION_KINDS.ignoreFile, ignoreFileEdit(model, problem.ruleId)));
    }
  }

  if (input.only && wants(input.only, CODE_ACTION_KINDS.fixAll)) {
    add(fixAllAction(input, 'Fix all auto-fixable stagelint problems', CODE_ACTION_KINDS.fixAll, undefined, []));
  }
  return actions;
}

/** The WorkspaceEdit applying every safe fix (of `ruleIds`, or of all rules); undefined when nothing changes. */
export function fixAllEdit(input: Pick<CodeActionInput, 'model' | 'lintOptions' | 'support'>, ruleIds?: readonly string[]): WorkspaceEdit | undefined {
  const result = applyFixes(input.model.text, { ...input.lintOptions, ...(ruleIds ? { ruleIds } : {}) });
  if (result.fixed === 0) return undefined;
  const edits = result.output === input.model.text ? [] : [minimalEdit(input.model, result.output)];
  // Without resource operations the text fixes still apply; only the file creation is left out.
  const creations = input.support.createFiles ? result.createdFiles : [];
  if (edits.length === 0 && creations.length === 0) return undefined;
  return workspaceEdit(input.model, edits, creations, input.support);
}

function fixAllAction(input: CodeActionInput, title: string, kind: CodeActionKind, ruleIds: readonly string[] | undefined, diagnostics: Diagnostic[]): CodeAction | undefined {
  const edit = fixAllEdit(input, ruleIds);
  if (!edit) return undefined;
  return { title, kind, ...(diagnostics.length > 0 ? { diagnostics } : {}), edit };
}

/** The problem behind a diagnostic: from `data` when it is current, else matched among the current problems. */
function resolve(diagnostic: Diagnostic, input: CodeActionInput): ResolvedProblem | undefined {
  const data = diagnosticData(diagnostic);
  if (!data) return undefined;
  if (data.version === input.model.version) return { ruleId: data.ruleId, range: diagnostic.range, fixes: data.fixes };
  const candidates = input.problems.filter((p) => p.ruleId === data.ruleId && intersects(p.range, diagnostic.range));
  return (
    candidates.find((p) => sameRange(p.range, diagnostic.range)) ??
    candidates.find((p) => p.message === diagnostic.message) ??
    candidates[0]
  );
}

function countSafeFixes(problems: readonly Problem[], ruleId: string): number {
  return problems.filter((p) => p.ruleId === ruleId && p.fixes.some((f) => f.safety === 'safe')).length;
}

/** LSP kind matching: `quickfix` asks for `quickfix.stagelint.ignore.file` too. Source actions only when asked. */
function wants(only: readonly string[] | undefined, kind: string | undefined): boolean {
  if (!kind) return false;
  if (!only || only.length === 0) return !kind.startsWith('source');
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function workspaceEdit(model: DockerfileModel, edits: readonly TextEdit[], creations: readonly FileCreation[], support: EditSupport): WorkspaceEdit | undefined {
  if (creations.length > 0) {
    if (!support.createFiles || !support.documentChanges) return undefined;
    const changes: (CreateFile | TextDocumentEdit)[] = [];
    for (const file of creations) {
      const uri = siblingUri(model.uri, file.path);
      if (!uri) return undefined;
      changes.push({ kind: 'create', uri });
      const start = { line: 0, character: 0 };
      changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: file.content }] });
    }
    if (edits.length > 0) changes.push({ textDocument: { uri: model.uri, version: model.version }, edits: [...edits] });
    return { documentChanges: changes };
  }
  if (support.documentChanges) return { documentChanges: [{ textDocument: { uri: model.uri, version: model.version }, edits: [...edits] }] };
  return { changes: { [model.uri]: [...edits] } };
}

/** `path` relative to the document's folder; undefined for documents without one (untitled). */
export function siblingUri(documentUri: string, path: string): string | undefined {
  try {
    const base = new URL(documentUri);
    if (base.protocol !== 'file:') return undefined;
    return new URL(path.split('/').map(encodeURIComponent).join('/'), base).toString();
  } catch {
    return undefined;
  }
}

/** One edit replacing only the changed middle of the text, so the editor keeps cursor and folding elsewhere. */
function minimalEdit(model: DockerfileModel, output: string): TextEdit {
  const input = model.text;
  let start = 0;
  const max = Math.min(input.length, output.length);
  while (start < max && input.charCodeAt(start) === output.charCodeAt(start)) start++;
  // Never split a CRLF pair: positions inside it are ambiguous.
  if (start > 0 && input[start - 1] === '\r') start--;
  let end = 0;
  while (end < max - start && input.charCodeAt(input.length - 1 - end) === output.charCodeAt(output.length - 1 - end)) end++;
  if (end > 0 && input[input.length - end] === '\n' && input[input.length - end - 1] === '\r') end--;
  return {
    range: { start: model.document.positionAt(start), end: model.document.positionAt(input.length - end) },
    newText: output.slice(start, output.length - end),
  };
}
