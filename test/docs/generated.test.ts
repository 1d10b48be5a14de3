/**
 * Everything generated from rule metadata must be committed up to date. A failure here means a rule (or a
 * generator) changed without `npm run gen`: run it and commit the result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts, RULE_DOCS_DIR } from '../../server/src/engine/docsArtifacts';
import { findRulesSetting, manifestRuleProperties } from '../../server/src/engine/docsSchema';
import { allRules } from '../../server/src/rules';

const root = join(__dirname, '..', '..');
const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : undefined);
const STALE = 'is stale: run `npm run gen` and commit the result';

describe('generated files are up to date', () => {
  it('server/src/rules/index.ts lists every rule file', async () => {
    // Dynamic import: the tests compile as CommonJS and the registry generator is an ES module script.
    const { renderRegistry } = await import('../../scripts/gen-registry.mjs');
    expect(read('server/src/rules/index.ts'), `server/src/rules/index.ts ${STALE}`).toBe(renderRegistry());
  });

  for (const artifact of generatedArtifacts(allRules)) {
    it(artifact.path, () => {
      expect(read(artifact.path), `${artifact.path} ${STALE}`).toBe(artifact.content);
    });
  }

  it(`${RULE_DOCS_DIR}/ has no page of a rule that does not exist`, () => {
    const expected = new Set(generatedArtifacts(allRules).map((a) => a.path));
    const extra = readdirSync(join(root, RULE_DOCS_DIR)).map((n) => `${RULE_DOCS_DIR}/${n}`).filter((p) => p.endsWith('.md') && !expected.has(p));
    expect(extra, `unexpected pages (${STALE})`).toEqual([]);
  });

  it('package.json stagelint.rules lists every rule with the severity enum', () => {
    const manifest = JSON.parse(read('package.json')!) as Record<string, unknown>;
    const setting = findRulesSetting(manifest);
    expect(setting, "package.json contributes.configuration has no 'stagelint.rules' setting").toBeDefined();
    expect(setting?.properties, `package.json stagelint.rules properties ${STALE}`).toEqual(manifestRuleProperties(allRules));
  });
});
