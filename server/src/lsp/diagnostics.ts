/**
 * One `diagnose(uri)` behind both transports. Push (`publishDiagnostics`): debounced per document, honouring
 * `stagelint.run: onSave`, and a run whose document moved on (or that a newer run superseded) is dropped,
 * so results for an older version are never published. Pull (`textDocument/diagnostic`): the client asks,
 * and after settings or config changes we ask it to ask again (`workspace/diagnostic/refresh`).
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics, type DiagnosticSupport } from '../features/diagnostics';
import type { DocumentLinter } from './documentLinter';
import type { LintPacing } from './pacedLint';
import { describeError, type Logger } from './guard';

export interface DiagnosticsDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly linter: DocumentLinter;
  readonly support: DiagnosticSupport;
  readonly pull: boolean;
  readonly refreshSupported: boolean;
  readonly debounceMs: number;
  /** How long the rules of a push run may go on before other messages get a turn (see `pacedLint.ts`). */
  readonly lintSliceMs: number;
  /** Told after every lint (see `idleCollection.ts`). */
  readonly onLinted?: () => void;
  readonly log: Logger;
}

/** A scheduled diagnostics run that has not started yet. */
interface PendingRun {
  cancel(): void;
}

export class Diagnostics {
  private readonly pending = new Map<string, PendingRun>();
  private readonly runs = new Map<string, number>();
  private runCounter = 0;
  /** Pull mode with `run: onSave`: the diagnostics of the last saved version, returned until the next save. */
  private readonly savedResults = new Map<string, Diagnostic[]>();
  private readonly dueForPull = new Set<string>();

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** Diagnostics of the document's current version; undefined when the document is not open. */
  async diagnose(uri: string, pacing?: LintPacing): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
    const snapshot = await this.deps.linter.lint(uri, pacing);
    this.deps.onLinted?.();
    if (!snapshot) return undefined;
    return { version: snapshot.version, diagnostics: toDiagnostics(snapshot.problems, uri, this.deps.support) };
  }

  opened(uri: string): void {
    this.dueForPull.add(uri);
    if (!this.deps.pull) this.schedule(uri, 0);
  }

  async changed(uri: string): Promise<void> {
    if (this.deps.pull) return;
    const settings = await this.deps.linter.settingsFor(uri);
    if (settings?.run !== 'onSave') this.schedule(uri, this.deps.debounceMs);
  }

  async saved(uri: string): Promise<void> {
    const settings = await this.deps.linter.settingsFor(uri);
    if (settings?.run !== 'onSave') return;
    if (this.deps.pull) {
      this.dueForPull.add(uri);
      this.refreshPull();
    } else this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
    this.runs.delete(uri);
    this.savedResults.delete(uri);
    this.dueForPull.delete(uri);
    this.send(uri, undefined, []);
  }

  dispose(): void {
    for (const run of this.pending.values()) run.cancel();
    this.pending.clear();
    this.runs.clear();
  }

  /** Entries kept per document (for tests: all 0 once every document is closed). */
  documentEntries(): Record<string, number> {
    return { pendingRuns: this.pending.size, runs: this.runs.size, savedResults: this.savedResults.size, dueForPull: this.dueForPull.size };
  }

  /** Settings or files changed: diagnose every open document again. */
  refreshAll(): void {
    for (const document of this.deps.documents.all()) this.dueForPull.add(document.uri);
    if (this.deps.pull) this.refreshPull();
    else for (const document of this.deps.documents.all()) this.schedule(document.uri, 0);
  }

  /** `textDocument/diagnostic`. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const settings = await this.deps.linter.settingsFor(uri);
    const kept = this.savedResults.get(uri);
    if (settings?.run === 'onSave' && kept && !this.dueForPull.has(uri)) return kept;
    const result = await this.diagnose(uri);
    const diagnostics = result?.diagnostics ?? [];
    this.savedResults.set(uri, diagnostics);
    this.dueForPull.delete(uri);
    return diagnostics;
  }

  private refreshPull(): void {
    if (this.deps.refreshSupported) this.deps.connection.languages.diagnostics.refresh();
  }

  /** Runs diagnostics for `uri` after `delay` ms, replacing a run scheduled earlier that has not started. */
  private schedule(uri: string, delay: number): void {
    this.pending.get(uri)?.cancel();
    const fire = () => {
      this.pending.delete(uri);
      this.run(uri).catch((e) => this.deps.log(`[diagnostics] ${describeError(e)}`));
    };
    if (delay > 0) {
      const timer = setTimeout(fire, delay);
      this.pending.set(uri, { cancel: () => clearTimeout(timer) });
      return;
    }
    // Without a debounce, still let the messages already received be handled first: the connection handles one
    // message per immediate, so an immediate queued now runs after them, and a didChange among them replaces
    // this run before it starts. A burst of changes is linted once, for its last version. (A 0 ms timer would
    // fire before those messages, linting a version that is already stale, and waits at least 1 ms.)
    const immediate = setImmediate(fire);
    this.pending.set(uri, { cancel: () => clearImmediate(immediate) });
  }

  private async run(uri: string): Promise<void> {
    const id = ++this.runCounter;
    this.runs.set(uri, id);
    // A newer run, started or scheduled (after a change, a save or new settings), makes this one stale: it stops
    // at its next pause.
    const cancelled = () => this.runs.get(uri) !== id || this.pending.has(uri);
    const result = await this.diagnose(uri, { sliceMs: this.deps.lintSliceMs, cancelled });
    if (!result || this.runs.get(uri) !== id) return;
    if (this.deps.documents.get(uri)?.version !== result.version) return;
    this.send(uri, result.version, result.diagnostics);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.deps.connection
      .sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics })
      .catch((e) => this.deps.log(`[diagnostics] cannot publish for ${uri}: ${describeError(e)}`));
  }
}
