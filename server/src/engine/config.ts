/**
 * Effective rule configuration, from lowest to highest priority:
 *   rule defaultSeverity → preset (`recommended` | `all`) → `.stagelint.json` rules → editor overrides
 *   (`stagelint.rules`) → CLI `--rule id=severity`.
 * Also validates a parsed config file, returning problems with JSON paths (the adapters map them to lines).
 */
import { isSeverity, PRESETS, type ConfigFile, type Preset, type RuleSetting, type Severity, type SeverityOrOff } from '../../../shared/src';
import { boundedDistance } from '../analysis/boundedDistance';
import type { AnyRule } from './defineRule';

export interface EffectiveRule {
  readonly severity: SeverityOrOff;
  /** True when the user chose the severity (then a rule's per-report severity does not override it). */
  readonly explicit: boolean;
  readonly options: unknown;
}

export type EffectiveConfig = ReadonlyMap<string, EffectiveRule>;

export interface ConfigLayers {
  readonly file?: ConfigFile;
  readonly editor?: Readonly<Record<string, SeverityOrOff>>;
  readonly cli?: Readonly<Record<string, SeverityOrOff>>;
}

export function resolveConfig(rules: readonly AnyRule[], layers: ConfigLayers = {}): Map<string, EffectiveRule> {
  const preset: Preset = layers.file?.extends ?? 'recommended';
  const result = new Map<string, EffectiveRule>();
  for (const rule of rules) {
    const on = preset === 'all' || rule.meta.recommended;
    let severity: SeverityOrOff = on ? rule.meta.defaultSeverity : 'off';
    let explicit = false;
    let options: unknown = rule.options?.defaults;
    const fileSetting = layers.file?.rules?.[rule.id];
    if (fileSetting !== undefined) {
      const [sev, opts] = splitSetting(fileSetting);
      if (sev) {
        severity = sev;
        explicit = true;
      }
      if (opts && rule.options) options = { ...(rule.options.defaults as object), ...opts };
    }
    for (const layer of [layers.editor, layers.cli]) {
      const sev = layer?.[rule.id];
      if (sev !== undefined) {
        severity = sev;
        explicit = true;
      }
    }
    result.set(rule.id, { severity, explicit, options });
  }
  return result;
}

function splitSetting(setting: RuleSetting): [SeverityOrOff | undefined, Record<string, unknown> | undefined] {
  if (typeof setting === 'string') return [isSeverity(setting) ? setting : undefined, undefined];
  if (Array.isArray(setting)) {
    const [sev, opts] = setting as unknown[];
    return [isSeverity(sev) ? sev : undefined, opts && typeof opts === 'object' ? (opts as Record<string, unknown>) : undefined];
  }
  return [undefined, undefined];
}

export interface ConfigProblem {
  /** JSON path of the offending value, e.g. `rules.no-latest-tag`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const KNOWN_KEYS = new Set(['$schema', 'extends', 'rules', 'targets', 'ignorePatterns']);

/**
 * Checks a parsed `.stagelint.json`. Returns the usable part of the config (invalid entries dropped, so
 * defaults still apply) and one problem per invalid entry.
 */
export function validateConfig(raw: unknown, rules: readonly AnyRule[]): { config: ConfigFile; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: {}, problems: [{ path: [], message: 'the configuration must be a JSON object' }] };
  }
  const obj = raw as Record<string, unknown>;
  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ path: [key], message: `unknown property '${key}' (expected one of ${[...KNOWN_KEYS].join(', ')})` });
  }
  if (obj.extends !== undefined) {
    if (typeof obj.extends === 'string' && (PRESETS as readonly string[]).includes(obj.extends)) config.extends = obj.extends as Preset;
    else problems.push({ path: ['extends'], message: `'extends' must be one of ${PRESETS.map((p) => `'${p}'`).join(', ')}` });
  }
  for (const key of ['targets', 'ignorePatterns'] as const) {
    const value = obj[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config[key] = value as string[];
    else problems.push({ path: [key], message: `'${key}' must be an array of strings` });
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push({ path: ['rules'], message: "'rules' must be an object mapping rule ids to severities" });
    } else {
      config.rules = validateRules(obj.rules as Record<string, unknown>, rules, problems);
    }
  }
  return { config, problems };
}

/** The usable rule settings of `rules`; one problem per invalid entry (an entry with bad options keeps its severity). */
function validateRules(settings: Record<string, unknown>, rules: readonly AnyRule[], problems: ConfigProblem[]): Record<string, RuleSetting> {
  const known = new Map(rules.map((r) => [r.id, r]));
  const accepted: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(settings)) {
    const rule = known.get(id);
    if (!rule) {
      const guess = closest(id, [...known.keys()]);
      problems.push({ path: ['rules', id], message: `unknown rule '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}` });
      continue;
    }
    const sev = Array.isArray(setting) ? setting[0] : setting;
    if (!isSeverity(sev)) {
      problems.push({ path: ['rules', id], message: `invalid severity ${JSON.stringify(sev)} for '${id}' (use error, warning, info, hint or off)` });
      continue;
    }
    if (Array.isArray(setting) && setting.length > 1) {
      const problem = checkOptions(rule, setting[1]);
      if (problem) problems.push(problem);
      // Unusable options are dropped (the severity still applies); unknown keys are merely ignored when merging.
      if (!rule.options || !isPlainObject(setting[1])) {
        accepted[id] = sev;
        continue;
      }
    }
    accepted[id] = setting as RuleSetting;
  }
  return accepted;
}

/** A problem with the options object of `rule` (path `rules.<id>.1`, or `rules.<id>.1.<key>` for an unknown key). */
function checkOptions(rule: AnyRule, opts: unknown): ConfigProblem | undefined {
  const id = rule.id;
  if (!rule.options) return { path: ['rules', id, 1], message: `rule '${id}' takes no options` };
  if (!isPlainObject(opts)) return { path: ['rules', id, 1], message: `options for '${id}' must be an object` };
  const props = (rule.options.schema.properties ?? {}) as Record<string, unknown>;
  const bad = Object.keys(opts).find((k) => !(k in props));
  return bad === undefined ? undefined : { path: ['rules', id, 1, bad], message: `unknown option '${bad}' for '${id}'` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Closest candidate within edit distance 2 (for "did you mean"). */
export function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const c of candidates) {
    const d = boundedDistance(word.toLowerCase(), c.toLowerCase(), maxDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export type { Severity };
