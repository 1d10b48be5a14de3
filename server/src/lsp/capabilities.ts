/**
 * What the client can do (read once from `initialize`) and what we announce in return. The editor features
 * contribute their own capabilities; `mergeCapabilities` combines list-valued ones (code action kinds,
 * commands) instead of letting one side overwrite the other.
 */
import {
  DiagnosticTag, TextDocumentSyncKind, type ClientCapabilities, type CodeActionOptions, type ServerCapabilities,
} from 'vscode-languageserver/node';
import { CODE_ACTION_KINDS, SERVER_COMMANDS } from '../../../shared/src/protocol';
import type { DiagnosticSupport } from '../features/diagnostics';
import type { EditSupport } from '../features/codeActions';

export interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly diagnostics: DiagnosticSupport;
  readonly edits: EditSupport;
  readonly configuration: boolean;
  readonly dynamicConfigurationChange: boolean;
  readonly dynamicWatchedFiles: boolean;
  /** The client reports watched-file events at all (statically or after registration). */
  readonly watchedFiles: boolean;
  readonly workspaceFolders: boolean;
  readonly codeActionLiterals: boolean;
}

export function readClientSupport(caps: ClientCapabilities): ClientSupport {
  const publish = caps.textDocument?.publishDiagnostics;
  const diagnosticTags = publish?.tagSupport?.valueSet ?? [];
  const workspaceEdit = caps.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  return {
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    diagnostics: {
      relatedInformation: publish?.relatedInformation === true,
      tags: diagnosticTags.filter((t) => t === DiagnosticTag.Unnecessary || t === DiagnosticTag.Deprecated),
      codeDescription: publish?.codeDescriptionSupport !== false,
    },
    edits: { documentChanges, createFiles: documentChanges && (workspaceEdit?.resourceOperations ?? []).includes('create') },
    configuration: caps.workspace?.configuration === true,
    dynamicConfigurationChange: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    watchedFiles: caps.workspace?.didChangeWatchedFiles !== undefined,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
  };
}

export function coreCapabilities(support: ClientSupport): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: support.codeActionLiterals
      ? { codeActionKinds: [CODE_ACTION_KINDS.quickfix, CODE_ACTION_KINDS.fixAll, CODE_ACTION_KINDS.refactorExtract, CODE_ACTION_KINDS.refactorRewrite] }
      : true,
    executeCommandProvider: { commands: [SERVER_COMMANDS.applyAllFixes] },
  };
  if (support.pullDiagnostics) {
    capabilities.diagnosticProvider = { identifier: 'stagelint', interFileDependencies: false, workspaceDiagnostics: false };
  }
  if (support.workspaceFolders) {
    capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  }
  return capabilities;
}

/** Our capabilities plus the editor features'; lists are concatenated, objects merged one level deep. */
export function mergeCapabilities(core: ServerCapabilities, extra: Partial<ServerCapabilities>): ServerCapabilities {
  const merged: Record<string, unknown> = { ...core };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    const mine = merged[key];
    if (key === 'codeActionProvider') merged[key] = mergeCodeActions(mine as ServerCapabilities['codeActionProvider'], value as ServerCapabilities['codeActionProvider']);
    else if (key === 'executeCommandProvider') {
      const commands = [...((mine as { commands?: string[] } | undefined)?.commands ?? []), ...((value as { commands?: string[] }).commands ?? [])];
      merged[key] = { ...(mine as object), ...(value as object), commands: [...new Set(commands)] };
    } else if (isPlainObject(mine) && isPlainObject(value)) merged[key] = { ...mine, ...value };
    else merged[key] = value;
  }
  return merged as ServerCapabilities;
}

function mergeCodeActions(a: boolean | CodeActionOptions | undefined, b: boolean | CodeActionOptions | undefined): boolean | CodeActionOptions {
  if (typeof a !== 'object' || typeof b !== 'object') return (typeof a === 'object' ? a : typeof b === 'object' ? b : a || b) ?? false;
  const kinds = [...(a.codeActionKinds ?? []), ...(b.codeActionKinds ?? [])];
  return { ...a, ...b, codeActionKinds: [...new Set(kinds)], resolveProvider: a.resolveProvider === true || b.resolveProvider === true };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
