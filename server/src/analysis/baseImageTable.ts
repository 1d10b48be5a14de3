/**
 * The curated base-image table: every row from the OS, language and application tables, indexed by
 * canonical repository (see `repositoryKey` in baseImages.ts). Each table file documents where its
 * facts come from.
 */
import { APP_IMAGES } from './baseImageTableApps';
import { LANGUAGE_IMAGES } from './baseImageTableLang';
import { OS_IMAGES } from './baseImageTableOs';
import type { ImageTableEntry } from './baseImageTypes';

const ALL_ENTRIES: readonly ImageTableEntry[] = [...OS_IMAGES, ...LANGUAGE_IMAGES, ...APP_IMAGES];

const BY_REPOSITORY: ReadonlyMap<string, ImageTableEntry> = new Map(
  ALL_ENTRIES.flatMap((entry) => (Array.isArray(entry.match) ? entry.match.map((name) => [name, entry] as const) : [])),
);

const BY_PATTERN: readonly ImageTableEntry[] = ALL_ENTRIES.filter((entry) => !Array.isArray(entry.match));

/** The table row for a canonical repository, if it is curated. */
export function tableEntryFor(repository: string): ImageTableEntry | undefined {
  return BY_REPOSITORY.get(repository) ?? BY_PATTERN.find((entry) => (entry.match as RegExp).test(repository));
}

/** Every repository name listed literally in the table (for documentation and tests). */
export function curatedRepositories(): readonly string[] {
  return [...BY_REPOSITORY.keys()];
}
