// Compiles the extension-host suite and its @vscode/test-electron launcher into out/e2e-vscode/ (CommonJS, as
// the extension host loads it). Helpers and expectations are bundled in; vscode, mocha and test-electron are
// resolved at run time (from the extension host and the repository's node_modules).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(here, '..', '..', '..', 'out', 'e2e-vscode');

export async function buildSuite() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const suiteDir = join(here, 'suite');
  const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts'));
  await build({
    entryPoints: [join(here, 'runTest.ts'), join(suiteDir, 'index.ts'), ...tests.map((name) => join(suiteDir, name))],
    outbase: here,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    logLevel: 'warning',
  });
  return { testsPath: join(OUT_DIR, 'suite', 'index.js'), runTestPath: join(OUT_DIR, 'runTest.js') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { testsPath } = await buildSuite();
  console.log(`built ${testsPath}`);
}
