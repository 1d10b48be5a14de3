#!/usr/bin/env node
// `npm run package`: builds the production bundles (minified, no source maps) and packages the extension as
// stagelint-<version>.vsix with @vscode/vsce.
//
// The package is assembled in a staging folder (out/package/ by default) that holds only what the manifest and
// .vscodeignore name, plus a production build of dist/. So packaging never replaces the development build in
// dist/ (source maps, used by tests and `npm start`), and whatever else lies in the repository (sources,
// node_modules, test results) cannot slip into the package. .vscodeignore, copied along, still decides what of
// the staged files ships (e.g. the CLI and API bundles do not).
//
// Usage: node scripts/package.mjs [--out FILE.vsix] [--stage DIR] [--quiet]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Files copied to the staging folder as they are; dist/ is built there. */
const STAGED_FILES = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'schemas/stagelint.schema.json'];

function run(command, args, cwd, quiet) {
  const result = spawnSync(command, args, { cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout}${result.stderr}` : '';
    throw new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}${output}`);
  }
}

/**
 * Builds and packages the extension; returns the .vsix path and its size in bytes.
 * @param {{ out?: string, stage?: string, quiet?: boolean }} options
 */
export function packageExtension(options = {}) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = resolve(options.out ?? join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));
  const stage = resolve(options.stage ?? join(REPO_ROOT, 'out', 'package'));
  const quiet = options.quiet ?? false;

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const file of STAGED_FILES) {
    const from = join(REPO_ROOT, file);
    if (!existsSync(from)) throw new Error(`${file} is missing; the package needs it`);
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(from, join(stage, file));
  }
  run(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--production', '--outdir', join(stage, 'dist')], REPO_ROOT, quiet);

  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  mkdirSync(dirname(out), { recursive: true });
  // --no-dependencies: esbuild bundled every runtime library into dist/, so no node_modules/ ships.
  // --githubBranch main: README links relative to the repository point at the main branch on GitHub.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--githubBranch', 'main', '--out', out], stage, quiet);
  return { path: out, bytes: statSync(out).size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  try {
    const { path, bytes } = packageExtension({
      out: option('--out'),
      stage: option('--stage'),
      quiet: process.argv.includes('--quiet'),
    });
    console.log(`${path} (${(bytes / 1024).toFixed(0)} KB)`);
  } catch (error) {
    console.error(`npm run package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
