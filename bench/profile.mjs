// Where full-lint time goes: runs lib/lintLoop.mjs under `node --cpu-prof` and attributes the samples of the
// development bundle dist/api.js (unminified, with esbuild's `// path` comment before each module) to
//   - the outermost rule whose check() is on the stack (its share includes the lazily computed model facts it
//     is first to ask for), or the model build, or the engine;
//   - every source module on the stack (inclusive), and the self time per module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './lib/corpus.mjs';

const share = (count, total) => Number(((100 * count) / total).toFixed(1));
const top = (map, total, n) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, share(v, total)]));

export function summarize(profile, bundlePath) {
  const sections = [];
  readFileSync(bundlePath, 'utf8').split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:server|shared|client|node_modules)\/\S+)$/.exec(line);
    if (m) sections.push([i + 1, m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$1')]);
  });
  const sectionOf = (line) => {
    let lo = 0;
    let hi = sections.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid][0] <= line) {
        found = sections[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const bundleName = bundlePath.split('/').pop();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = profile.samples.length;
  const byRule = new Map();
  const inclusive = new Map();
  const self = new Map();
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const sample of profile.samples) {
    const leaf = byId.get(sample);
    const inBundle = (n) => n.callFrame.url.endsWith(bundleName);
    add(self, inBundle(leaf) ? sectionOf(leaf.callFrame.lineNumber + 1) : `(${leaf.callFrame.functionName || 'native'})`);
    let owner = '(outside lint: module loading, corpus reading)';
    const seen = new Set();
    for (let id = sample; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!inBundle(n)) continue;
      const section = sectionOf(n.callFrame.lineNumber + 1);
      seen.add(section);
      if (section.startsWith('server/src/rules/')) owner = `rule ${section.slice('server/src/rules/'.length, -3)}`;
      else if (section === 'server/src/analysis/buildModel.ts' && !owner.startsWith('rule')) owner = 'model build (parse included)';
      else if (section === 'server/src/engine/lint.ts' && owner.startsWith('(')) owner = 'engine (suppressions, sorting, GC during lint)';
    }
    if (leaf.callFrame.functionName === '(garbage collector)') owner = 'garbage collector';
    add(byRule, owner);
    for (const s of seen) add(inclusive, s);
  }
  return { samples: total, byOwner: top(byRule, total, 25), inclusiveByModule: top(inclusive, total, 30), selfByModule: top(self, total, 20) };
}

export async function run({ rounds = 10 } = {}) {
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the development build failed');
  const dir = mkdtempSync(join(tmpdir(), 'stagelint-profile-'));
  try {
    const loop = join(fileURLToPath(new URL('.', import.meta.url)), 'lib', 'lintLoop.mjs');
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, loop, String(rounds)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`profiling failed:\n${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return { rounds, ...summarize(profile, join(repoRoot, 'dist', 'api.js')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
