/**
 * Turning edits into what the client can apply, for every code action that edits (quick fixes, ignore comments,
 * fix-all, refactors): versioned `documentChanges` when the client supports them, plain `changes` otherwise,
 * and file creations (a `.dockerignore` beside the Dockerfile) only where the client can create files.
 */
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import type { FileCreation } from '../engine/problem';

export interface EditSupport {
  /** The client accepts `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
  /** The client can create files in a workspace edit (resource operation `create`). */
  readonly createFiles: boolean;
}

/** The edit for `model`'s document; undefined when it creates files the client cannot create. */
export function toWorkspaceEdit(model: DockerfileModel, edits: readonly TextEdit[], creations: readonly FileCreation[], support: EditSupport): WorkspaceEdit | undefined {
  if (creations.length > 0) {
    if (!support.createFiles || !support.documentChanges) return undefined;
    const changes: (CreateFile | TextDocumentEdit)[] = [];
    for (const file of creations) {
      const uri = siblingUri(model.uri, file.path);
      if (!uri) return undefined;
      const start = { line: 0, character: 0 };
      changes.push({ kind: 'create', uri }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: file.content }] });
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

/** LSP kind matching for `context.only`: `quickfix` asks for `quickfix.stagelint.ignore.file` too; source actions only when asked. */
export function wantsKind(only: readonly string[] | undefined, kind: string | undefined): boolean {
  if (!kind) return false;
  if (!only || only.length === 0) return !kind.startsWith('source');
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}
