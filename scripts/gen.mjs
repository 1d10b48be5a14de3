// Regenerates everything derived from rule metadata (npm run gen):
//   server/src/rules/index.ts (the registry, from the folder listing: gen-registry.mjs),
//   docs/rules/<id>.md, docs/rules/README.md, schemas/stagelint.schema.json,
//   and the `stagelint.rules` properties in package.json's contributes.configuration.
// The renderers are TypeScript (server/src/engine/docs*.ts, also used by test/docs/generated.test.ts); this script
// bundles them with the rule registry by esbuild into a temporary file and runs them.
// Usage: node scripts/gen.mjs [--check]   (--check writes nothing and exits 1 when something is stale)
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRegistry } from './gen-registry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale = [];
const written = [];

function sync(relPath, content) {
  const file = join(root, relPath);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) return;
  stale.push(relPath);
  if (check) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  written.push(relPath);
}

// 1. The registry first: the docs are rendered from it.
sync('server/src/rules/index.ts', renderRegistry());

// 2. Bundle the renderers together with the (fresh) registry and load them.
const tmp = mkdtempSync(join(tmpdir(), 'stagelint-gen-'));
let generators;
try {
  const outfile = join(tmp, 'gen.cjs');
  await esbuild.build({
    stdin: {
      contents: "export { allRules } from './server/src/rules'; export * from './server/src/engine/docsArtifacts';",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'gen-entry.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  generators = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const { allRules, generatedArtifacts, updateManifestText, RULE_DOCS_DIR } = generators;

// 3. Docs and schema; pages of rules that no longer exist are removed.
const artifacts = generatedArtifacts(allRules);
for (const a of artifacts) sync(a.path, a.content);
const expectedDocs = new Set(artifacts.map((a) => a.path));
for (const name of existsSync(join(root, RULE_DOCS_DIR)) ? readdirSync(join(root, RULE_DOCS_DIR)) : []) {
  const rel = `${RULE_DOCS_DIR}/${name}`;
  if (!name.endsWith('.md') || expectedDocs.has(rel)) continue;
  stale.push(rel);
  if (!check) {
    unlinkSync(join(root, rel));
    written.push(`${rel} (removed)`);
  }
}

// 4. package.json: re-read right before writing, touch only stagelint.rules → properties.
const manifest = readFileSync(join(root, 'package.json'), 'utf8');
const updated = updateManifestText(manifest, allRules);
if (updated === undefined) console.warn("gen: package.json has no contributes.configuration 'stagelint.rules' setting; its rule list was not generated");
else sync('package.json', updated);

if (check) {
  if (stale.length > 0) {
    console.error(`Generated files are stale (run npm run gen):\n${stale.map((s) => `  ${s}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`gen: ${allRules.length} rules, everything up to date`);
} else {
  console.log(written.length > 0 ? `gen: ${allRules.length} rules; wrote\n${written.map((w) => `  ${w}`).join('\n')}` : `gen: ${allRules.length} rules, everything up to date`);
}
