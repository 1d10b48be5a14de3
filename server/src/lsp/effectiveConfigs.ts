/**
 * One effective rule configuration per (config file, editor overrides), shared by every open document that
 * has the same ones. Each lint snapshot keeps its `lintOptions` (fix-all lints again with them), and a
 * resolved config is a map of every rule: 500 open documents held 500 identical maps, 3.5 MB of heap.
 * An `EffectiveConfig` is read-only, so sharing it is safe. `clear()` when settings or config files change.
 */
import type { ConfigFile } from '../../../shared/src/config';
import type { SeverityOrOff } from '../../../shared/src';
import { resolveConfig, type EffectiveConfig } from '../engine/config';
import type { AnyRule } from '../engine/defineRule';

export class EffectiveConfigs {
  /** Keyed by the loaded config file (ConfigFiles hands out one object per file until invalidated). */
  private byFile = new WeakMap<object, Map<string, EffectiveConfig>>();
  private readonly noFile = {};

  constructor(private readonly rules: readonly AnyRule[]) {}

  get(file: ConfigFile | undefined, editor: Readonly<Record<string, SeverityOrOff>>): EffectiveConfig {
    const fileKey = file ?? this.noFile;
    let byEditor = this.byFile.get(fileKey);
    if (!byEditor) {
      byEditor = new Map();
      this.byFile.set(fileKey, byEditor);
    }
    // Settings objects differ per document even when equal, so the overrides are compared by content.
    const editorKey = JSON.stringify(editor);
    let config = byEditor.get(editorKey);
    if (!config) {
      config = resolveConfig(this.rules, { ...(file ? { file } : {}), editor });
      byEditor.set(editorKey, config);
    }
    return config;
  }

  clear(): void {
    this.byFile = new WeakMap();
  }
}
