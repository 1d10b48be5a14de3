/**
 * The version of the installed stagelint, read from its package.json at run time (next to `dist/` when
 * bundled). Reading it beats inlining it: the manifest stays the single place the version is written.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'stagelint' && manifest.version) return manifest.version;
    } catch {
      // not here: keep walking up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
