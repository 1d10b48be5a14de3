// Bundles the extension client, the language server, the CLI and the programmatic API with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/api.ts'], outfile: 'dist/api.js' },
  // The stage graph webview's script (runs in the webview, not in Node; includes the dagre layout).
  { entryPoints: ['client/src/webview/stageGraphMain.ts'], outfile: 'dist/stageGraphWebview.js', platform: 'browser', format: 'iife' },
];

mkdirSync('dist', { recursive: true });
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
  writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2) + '\n');
}
