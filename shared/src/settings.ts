/** VS Code settings (`stagelint.*`), pulled by the server with workspace/configuration and normalised here. */
import { isSeverity, type SeverityOrOff } from './ruleTypes';

export type RunMode = 'onType' | 'onSave';
export type EditorFeatures = 'auto' | 'all' | 'stagesOnly';

export interface Settings {
  readonly enable: boolean;
  readonly run: RunMode;
  /** Editor-only severity overrides, applied over `.stagelint.json`. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
  readonly targets: readonly string[];
  readonly editorFeatures: EditorFeatures;
  readonly ignoreCommentActions: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  rules: {},
  targets: [],
  editorFeatures: 'auto',
  ignoreCommentActions: true,
};

/** Accepts whatever the client sends (possibly partial or malformed) and returns complete settings. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityOrOff> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) if (isSeverity(sev)) rules[id] = sev;
  }
  const codeAction = (r.codeAction && typeof r.codeAction === 'object' ? r.codeAction : {}) as Record<string, unknown>;
  const ignoreComment = (codeAction.ignoreComment && typeof codeAction.ignoreComment === 'object' ? codeAction.ignoreComment : {}) as Record<string, unknown>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    rules,
    targets: Array.isArray(r.targets) ? r.targets.filter((t): t is string => typeof t === 'string') : [],
    editorFeatures: r.editorFeatures === 'all' || r.editorFeatures === 'stagesOnly' ? r.editorFeatures : 'auto',
    ignoreCommentActions: typeof ignoreComment.enable === 'boolean' ? ignoreComment.enable : true,
  };
}
