/**
 * Rule parity and metadata sanity (ESLint's checkRuleFiles, Biome's rules_check): every rule file is registered,
 * tested and documented consistently with what it actually does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Severity } from '../../shared/src/ruleTypes';
import { resolveConfig } from '../../server/src/engine/config';
import type { AnyRule } from '../../server/src/engine/defineRule';
import { PEER_ID_PATTERNS } from '../../server/src/engine/docsPeers';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'server', 'src', 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The rule alone, forced on at its default severity. */
const lintAlone = (rule: AnyRule, code: string) =>
  lint(code, { rules: [rule], config: { cli: { [rule.id]: rule.meta.defaultSeverity } }, files: rule.meta.docs.exampleFiles ?? {} }).problems;

/** The source without its `messages: { … }` block, so a message key counts as used only where it is reported. */
function sourceWithoutMessages(source: string): string {
  const start = source.search(/\bmessages\s*:\s*\{/);
  if (start < 0) return source;
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(0, start) + source.slice(i + 1);
  }
  return source;
}

let analysisText: string | undefined;
function analysisSources(): string {
  const dir = join(root, 'server', 'src', 'analysis');
  analysisText ??= readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return analysisText;
}

const quoted = (key: string) => new RegExp(`['"\`]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);

const semver = (v: string) => v.split('.').map(Number);
const notNewer = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return true;
};

describe('rule registry', () => {
  it('lists exactly the rule files, sorted by id', () => {
    expect(allRules.map((r) => r.id)).toEqual(ruleFiles);
  });

  it('enables exactly the recommended rules by default, and every rule with extends: all', () => {
    const on = (config: ReturnType<typeof resolveConfig>) => [...config].filter(([, e]) => e.severity !== 'off').map(([id]) => id);
    expect(on(resolveConfig(allRules, {}))).toEqual(allRules.filter((r) => r.meta.recommended).map((r) => r.id));
    expect(on(resolveConfig(allRules, { file: { extends: 'all' } }))).toEqual(allRules.map((r) => r.id));
    expect(allRules.some((r) => r.meta.recommended), 'the recommended preset must not be empty').toBe(true);
  });
});

describe.each(ruleFiles)('%s', (id) => {
  const source = readFileSync(join(rulesDir, `${id}.ts`), 'utf8');
  const testPath = join(root, 'test', 'rules', `${id}.test.ts`);

  it('exports a rule whose id is the file name', async () => {
    const mod = (await import(join(rulesDir, `${id}.ts`))) as { default?: AnyRule };
    expect(mod.default?.id).toBe(id);
  });

  it('has a test file test/rules/<id>.test.ts', () => {
    expect(existsSync(testPath), `missing test/rules/${id}.test.ts`).toBe(true);
  });

  const rule = allRules.find((r) => r.id === id);
  if (!rule) return;
  const { meta } = rule;

  it('reports or titles a fix with every message of meta.messages', () => {
    const code = sourceWithoutMessages(source);
    // A rule may report `messageId: issue.kind` where analysis/ produces the kinds (dockerfile-syntax does).
    const unused = Object.keys(meta.messages).filter((key) => !quoted(key).test(code) && !quoted(key).test(analysisSources()));
    expect(unused, 'messages used neither in the rule source nor as a kind produced in analysis/').toEqual([]);
  });

  it('tests every message (reports by messageId; fix titles by title or by a fixed output)', () => {
    if (!existsSync(testPath)) return;
    const test = readFileSync(testPath, 'utf8');
    const code = sourceWithoutMessages(source);
    const untested = Object.entries(meta.messages as Record<string, string>)
      .filter(([key, template]) => {
        if (quoted(key).test(test)) return false;
        const literal = template.split('{{')[0]!;
        if (literal.length >= 8 && test.includes(literal)) return false;
        // A fix title (`{ messageId: 'x', …, safety: … }`) is exercised by an `output:` / `fixes:` expectation.
        const isFixTitle = [...code.matchAll(new RegExp(quoted(key).source, 'g'))].some((m) => /^[\s\S]{0,200}?\bsafety\s*:/.test(code.slice(m.index)));
        return !(isFixTitle && /\b(output|fixes)\s*:/.test(test));
      })
      .map(([key]) => key);
    expect(untested, `messages no test in test/rules/${id}.test.ts mentions`).toEqual([]);
  });

  it('raises on every invalid docs example and stays silent on every valid one', () => {
    meta.docs.examples.invalid.forEach((code, i) => {
      expect(lintAlone(rule, code).filter((p) => p.ruleId === id).length, `invalid example #${i + 1}`).toBeGreaterThan(0);
    });
    meta.docs.examples.valid.forEach((code, i) => {
      expect(lintAlone(rule, code).map((p) => p.message), `valid example #${i + 1}`).toEqual([]);
    });
  });

  it('offers fixes consistent with meta.fix and documents their safety', () => {
    const fixes = meta.docs.examples.invalid.flatMap((code) => lintAlone(rule, code).flatMap((p) => p.fixes));
    for (const f of fixes) {
      expect(meta.fix === 'unsafe' || (meta.fix === 'safe' && f.safety === 'safe'), `fix '${f.title}' exceeds meta.fix '${meta.fix}'`).toBe(true);
    }
    if (meta.fix === 'none') expect(meta.docs.fixSafety, 'docs.fixSafety describes a fix the rule does not have').toBeUndefined();
  });

  it('has well-formed metadata', () => {
    expect(CATEGORIES).toContain(meta.category);
    expect(['error', 'warning', 'info', 'hint'] satisfies Severity[]).toContain(meta.defaultSeverity);
    expect(meta.since, 'since must be a version').toMatch(/^\d+\.\d+\.\d+$/);
    expect(notNewer(meta.since, packageVersion), `since ${meta.since} is newer than the package version ${packageVersion}`).toBe(true);
    expect(meta.docs.rationale.trim().length, 'docs.rationale is empty').toBeGreaterThan(0);
    for (const s of meta.sources) {
      expect(s.id, `${s.tool} id`).toMatch(PEER_ID_PATTERNS[s.tool]);
    }
    const keys = meta.sources.map((s) => `${s.tool}:${s.id}`);
    expect(new Set(keys).size, 'duplicate sources').toBe(keys.length);
    for (const other of meta.docs.related ?? []) {
      expect(other).not.toBe(id);
      expect(allRules.map((r) => r.id), `related rule '${other}'`).toContain(other);
    }
  });
});
