// Bundles the extension client, the language server, the CLI and the programmatic API with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch] [--outdir DIR]
// (--outdir: where the bundles go instead of dist/; `npm run package` builds its production bundles apart.)
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? process.argv[outdirIndex + 1] : 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Prefer the ESM builds of vscode-languageserver-* so unused code is tree-shaken.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: join(outdir, 'server.js') },
  { entryPoints: ['server/src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/api.ts'], outfile: join(outdir, 'api.js') },
  // The stage graph webview's script (runs in the webview, not in Node; includes the dagre layout).
  { entryPoints: ['client/src/webview/stageGraphMain.ts'], outfile: join(outdir, 'stageGraphWebview.js'), platform: 'browser', format: 'iife' },
];

mkdirSync(outdir, { recursive: true });
const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build started');
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  const sizes = {};
  for (const [i, r] of results.entries()) {
    for (const [file, out] of Object.entries(r.metafile.outputs)) if (file.endsWith('.js')) sizes[file] = out.bytes;
    await contexts[i].dispose();
  }
  writeFileSync(join(outdir, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
}
