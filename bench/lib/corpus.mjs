// The corpus of real Dockerfiles next to the repository (../shared/corpus), read once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = process.env.STAGELINT_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');

/** `{ name, text }` for every Dockerfile of the corpus: every file but its index and README. */
export function loadCorpus() {
  const files = readdirSync(corpusDir)
    .filter((name) => name !== 'INDEX.tsv' && !name.endsWith('.md') && statSync(join(corpusDir, name)).isFile())
    .sort();
  if (files.length === 0) throw new Error(`no Dockerfiles in ${corpusDir}`);
  return files.map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}
