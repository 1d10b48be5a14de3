/**
 * The shared corpus of real Dockerfiles from public projects (`../shared/corpus`, read-only): every file but its
 * INDEX.tsv and README, sorted by name, read once per test file. Empty in a checkout without the corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const corpusDir = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

let files: readonly CorpusFile[] | undefined;

export function corpusFiles(): readonly CorpusFile[] {
  files ??= existsSync(corpusDir)
    ? readdirSync(corpusDir)
      .filter((name) => name !== 'INDEX.tsv' && !name.endsWith('.md'))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }))
    : [];
  return files;
}

/** The corpus files' texts, in name order. */
export function corpusTexts(): string[] {
  return corpusFiles().map((f) => f.text);
}
