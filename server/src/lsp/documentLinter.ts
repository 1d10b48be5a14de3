/**
 * Lints open documents with everything that applies to them: the document's settings, the nearest
 * `.stagelint.json` (and its `ignorePatterns`), the `.dockerignore` beside it. The model comes from the shared
 * `ModelCache` (one parse per version, shared with the editor features), and the last result per document is
 * kept, so code actions right after diagnostics do not lint again.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../shared/src/settings';
import type { ModelCache } from '../analysis/cache';
import type { DockerfileModel } from '../analysis/model';
import type { AnyRule } from '../engine/defineRule';
import { lintModel, type LintOptions } from '../engine/lint';
import type { Problem } from '../engine/problem';
import { isIgnoredByConfig, uriToPath, type ConfigFiles, type LoadedConfig } from './configFiles';
import type { ContextFacts } from './contextFacts';
import { EffectiveConfigs } from './effectiveConfigs';
import { lintPaced, type LintPacing } from './pacedLint';
import type { SettingsStore } from './settings';

export interface LintSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly model: DockerfileModel;
  /** Empty when stagelint is disabled for the document or its config's `ignorePatterns` exclude it. */
  readonly problems: readonly Problem[];
  readonly settings: Settings;
  /** What the problems were linted with; fix-all lints again with the same options. */
  readonly lintOptions: LintOptions;
  readonly active: boolean;
}

export interface DocumentLinterDeps {
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: ModelCache;
  readonly settings: SettingsStore;
  readonly configs: ConfigFiles;
  readonly facts: ContextFacts;
  readonly rules: readonly AnyRule[];
  /** Called with every config file consulted, so its own problems can be published. */
  readonly onConfigLoaded: (config: LoadedConfig) => void;
  /** Told once per document that it is too large to analyse. */
  readonly onTooLarge?: (uri: string, length: number) => void;
}

/**
 * Documents longer than this (in characters) are not analysed: the model and the problems are those of an empty
 * file. The largest real Dockerfile we know is 25 KB; a 10 MB file kept the server busy for minutes and took
 * close to 1 GB, blocking every other document.
 */
export const MAX_ANALYSED_LENGTH = 1024 * 1024;

export class DocumentLinter {
  private readonly snapshots = new Map<string, { generation: number; snapshot: LintSnapshot }>();
  private readonly targets = new Map<string, readonly string[]>();
  private readonly tooLarge = new Set<string>();
  private readonly configs: EffectiveConfigs;
  private generation = 0;

  constructor(private readonly deps: DocumentLinterDeps) {
    this.configs = new EffectiveConfigs(deps.rules);
  }

  /**
   * Lints the document's current version (undefined for unknown or closed documents). With `pacing`, the rules
   * pause for other messages, and the lint gives up (undefined) when cancelled or when the document changes.
   */
  async lint(uri: string, pacing?: LintPacing): Promise<LintSnapshot | undefined> {
    if (!this.deps.documents.get(uri)) return undefined;
    const settings = await this.deps.settings.get(uri);
    // Read the document only now: it may have changed while settings were fetched.
    const document = this.deps.documents.get(uri);
    if (!document) return undefined;
    const cached = this.snapshots.get(uri);
    if (cached && cached.generation === this.generation && cached.snapshot.version === document.version && cached.snapshot.settings === settings) {
      return cached.snapshot;
    }
    const generation = this.generation;
    const version = document.version;
    const path = uriToPath(uri);
    const config = path ? this.deps.configs.forDocument(path) : undefined;
    if (config) this.deps.onConfigLoaded(config);
    const targets = [...new Set([...settings.targets, ...(config?.config.targets ?? [])])];
    this.targets.set(uri, targets);
    const model = this.deps.cache.get(uri, document.version, this.analysedText(uri, document), targets);
    const lintOptions: LintOptions = {
      uri,
      version: document.version,
      rules: this.deps.rules,
      config: this.configs.get(config?.config, settings.rules),
      files: path ? this.deps.facts.forDocument(path) : {},
      targets,
    };
    const active = settings.enable && !(path && isIgnoredByConfig(path, config)) && document.getText().length <= MAX_ANALYSED_LENGTH;
    const current = () => this.deps.documents.get(uri) === document && document.version === version;
    const problems = !active ? [] : pacing
      ? await lintPaced(model, lintOptions, { sliceMs: pacing.sliceMs, cancelled: () => pacing.cancelled() || !current() })
      : lintModel(model, lintOptions);
    // Stopped, or the document changed or was closed during the pauses: this result is of no use.
    if (!problems || !current()) return undefined;
    // The model is not kept with the snapshot: the shared ModelCache (LRU) holds it while it is in use and builds it
    // again after eviction, so hundreds of open documents keep their problems, not hundreds of models.
    const { cache } = this.deps;
    const text = model.text;
    const snapshot: LintSnapshot = {
      uri, version, problems, settings, lintOptions, active,
      get model() {
        return cache.get(uri, version, text, targets);
      },
    };
    this.snapshots.set(uri, { generation, snapshot });
    return snapshot;
  }

  /** Settings of an open document (undefined once it is closed). */
  async settingsFor(uri: string): Promise<Settings | undefined> {
    return this.deps.documents.get(uri) ? this.deps.settings.get(uri) : undefined;
  }

  /** The model of the document's current version, built with the targets last used for it. */
  model(uri: string): DockerfileModel | undefined {
    const document = this.deps.documents.get(uri);
    if (!document) return undefined;
    return this.deps.cache.get(uri, document.version, this.analysedText(uri, document), this.targets.get(uri) ?? []);
  }

  /** The document's text, or '' when it is too large to analyse. */
  private analysedText(uri: string, document: TextDocument): string {
    const text = document.getText();
    if (text.length <= MAX_ANALYSED_LENGTH) {
      this.tooLarge.delete(uri);
      return text;
    }
    if (!this.tooLarge.has(uri)) {
      this.tooLarge.add(uri);
      this.deps.onTooLarge?.(uri, text.length);
    }
    return '';
  }

  /** Settings, config files or files beside Dockerfiles changed: every cached result is stale. */
  invalidate(): void {
    this.generation++;
    this.snapshots.clear();
    this.configs.clear();
  }

  forget(uri: string): void {
    this.snapshots.delete(uri);
    this.targets.delete(uri);
    this.tooLarge.delete(uri);
    this.deps.cache.delete(uri);
    const path = uriToPath(uri);
    if (path) {
      this.deps.facts.forget(path);
      this.deps.configs.forget(path);
    }
  }

  /** Entries kept per document (for tests: all 0 once every document is closed). */
  documentEntries(): Record<string, number> {
    return {
      snapshots: this.snapshots.size, targets: this.targets.size, tooLarge: this.tooLarge.size,
      models: this.deps.cache.size, dockerignores: this.deps.facts.size, configLookups: this.deps.configs.cachedLocations,
    };
  }
}
