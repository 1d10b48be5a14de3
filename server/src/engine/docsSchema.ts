/**
 * Generated configuration schemas:
 * - `schemas/stagelint.schema.json` (JSON Schema draft-07 for `.stagelint.json`): one property per rule id taking a
 *   severity or `[severity, options]` validated by the rule's own options schema; unknown keys rejected, as
 *   `validateConfig` does at run time;
 * - the `stagelint.rules` properties of package.json's `contributes.configuration` (editor overrides: severity only).
 */
import { PRESETS } from '../../../shared/src/config';
import { docsUrl, REPOSITORY_URL } from '../../../shared/src/docsUrl';
import { SEVERITIES } from '../../../shared/src/ruleTypes';
import type { AnyRule } from './defineRule';

export function renderConfigSchema(rules: readonly AnyRule[]): string {
  const severity = { $ref: '#/definitions/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    const settings: unknown[] = [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }];
    if (rule.options) {
      const options = { additionalProperties: false, ...rule.options.schema, type: 'object' };
      settings.push({ type: 'array', items: [severity, options], minItems: 2, maxItems: 2 });
    }
    ruleProperties[rule.id] = {
      description: rule.meta.docs.summary,
      markdownDescription: `${rule.meta.docs.summary} ([docs](${docsUrl(rule.id)}))`,
      anyOf: settings,
    };
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${REPOSITORY_URL}/blob/main/schemas/stagelint.schema.json`,
    title: 'stagelint configuration (.stagelint.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file (for editors).' },
      extends: {
        enum: [...PRESETS],
        default: 'recommended',
        description: 'Which rules are on before `rules` applies: `recommended` (the default) or `all`.',
      },
      rules: {
        type: 'object',
        description: 'Severity (and options) per rule id: "off", "hint", "info", "warning", "error", or ["warning", {options}].',
        additionalProperties: false,
        properties: ruleProperties,
      },
      targets: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Stage names built as targets besides the last stage; their stages count as reachable.',
      },
      ignorePatterns: {
        type: 'array',
        items: { type: 'string' },
        description: 'Glob patterns (relative to this file, .gitignore-like) of Dockerfiles the CLI does not search.',
      },
    },
    definitions: {
      severity: { enum: [...SEVERITIES], description: 'error, warning, info, hint, or off to disable the rule.' },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

/** The value of `contributes.configuration` → `stagelint.rules` → `properties`. */
export function manifestRuleProperties(rules: readonly AnyRule[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    properties[rule.id] = { type: 'string', enum: [...SEVERITIES], description: rule.meta.docs.summary };
  }
  return properties;
}

type Json = Record<string, unknown>;

/** Finds the `stagelint.rules` setting in a manifest (`contributes.configuration` may be an object or an array). */
export function findRulesSetting(manifest: Json): Json | undefined {
  const contributes = manifest.contributes as Json | undefined;
  const configuration = contributes?.configuration;
  const sections = (Array.isArray(configuration) ? configuration : configuration ? [configuration] : []) as Json[];
  for (const section of sections) {
    const props = section.properties as Json | undefined;
    const setting = props?.['stagelint.rules'];
    if (setting && typeof setting === 'object') return setting as Json;
  }
  return undefined;
}

/**
 * package.json text with only `stagelint.rules` → `properties` replaced; everything else (including key order)
 * is kept. Returns undefined when the manifest has no `stagelint.rules` setting to fill.
 */
export function updateManifestText(text: string, rules: readonly AnyRule[]): string | undefined {
  const manifest = JSON.parse(text) as Json;
  const setting = findRulesSetting(manifest);
  if (!setting) return undefined;
  setting.properties = manifestRuleProperties(rules);
  return JSON.stringify(manifest, null, 2) + '\n';
}
