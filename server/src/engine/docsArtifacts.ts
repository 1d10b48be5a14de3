/**
 * Everything generated from rule metadata, as (path → content) pairs relative to the repository root.
 * `scripts/gen.mjs` writes them; `test/docs/generated.test.ts` compares them with the committed files.
 * (The registry `server/src/rules/index.ts` and package.json are handled by gen.mjs itself: they depend
 * on the folder listing and on the current manifest text.)
 */
import type { AnyRule } from './defineRule';
import { renderRulesIndex } from './docsIndex';
import { renderRuleDoc } from './docsRulePage';
import { renderConfigSchema } from './docsSchema';

export interface Artifact {
  readonly path: string;
  readonly content: string;
}

export const RULE_DOCS_DIR = 'docs/rules';
const SCHEMA_PATH = 'schemas/stagelint.schema.json';

export function generatedArtifacts(rules: readonly AnyRule[]): Artifact[] {
  return [
    ...rules.map((r) => ({ path: `${RULE_DOCS_DIR}/${r.id}.md`, content: renderRuleDoc(r, rules) })),
    { path: `${RULE_DOCS_DIR}/README.md`, content: renderRulesIndex(rules) },
    { path: SCHEMA_PATH, content: renderConfigSchema(rules) },
  ];
}

export { updateManifestText } from './docsSchema';
