/**
 * Per-document settings, pulled with `workspace/configuration` (section `stagelint`, scoped to the document) and
 * normalised by the shared `normalizeSettings`. Cached per uri until `workspace/didChangeConfiguration`
 * (the lsp-sample pattern). Clients without `workspace/configuration` push settings in that notification
 * instead (`{ settings: { stagelint: {…} } }`), which then apply to every document.
 */
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../../shared/src/settings';
import { describeError, type Logger } from './guard';

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private global: Settings = DEFAULT_SETTINGS;
  private readonly known = new Map<string, Settings>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    private readonly log: Logger,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.pullSupported) return Promise.resolve(this.global);
    let pending = this.perDocument.get(uri);
    if (!pending) {
      pending = this.fetch(uri);
      this.perDocument.set(uri, pending);
    }
    return pending;
  }

  /** Last settings seen for `uri` without waiting (for synchronous callers such as `getModel`). */
  peek(uri: string): Settings | undefined {
    return this.pullSupported ? this.known.get(uri) : this.global;
  }

  /** Forgets cached settings; pushed settings (from clients without pull support) replace the global ones. */
  changed(params: DidChangeConfigurationParams): void {
    this.generation++;
    this.perDocument.clear();
    this.known.clear();
    const pushed = (params.settings as { stagelint?: unknown } | null | undefined)?.stagelint;
    if (!this.pullSupported && pushed !== undefined) this.global = normalizeSettings(pushed);
  }

  delete(uri: string): void {
    this.perDocument.delete(uri);
    this.known.delete(uri);
  }

  /** Entries kept per document (for tests: all 0 once every document is closed). */
  documentEntries(): Record<string, number> {
    return { settingsRequests: this.perDocument.size, settings: this.known.size };
  }

  private async fetch(uri: string): Promise<Settings> {
    const generation = this.generation;
    let settings: Settings;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'stagelint' });
      settings = normalizeSettings(raw);
    } catch (e) {
      this.log(`[settings] workspace/configuration failed, using defaults: ${describeError(e)}`);
      settings = DEFAULT_SETTINGS;
    }
    // A didChangeConfiguration during the request made this answer stale: only remember it if still current.
    if (generation === this.generation) this.known.set(uri, settings);
    return settings;
  }
}
