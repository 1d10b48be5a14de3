/**
 * Reads the facts about a Dockerfile's surroundings that the pure engine cannot read itself (engine/fileFacts.ts):
 * the `.dockerignore` that applies and the names of the files in its folder. The build context is assumed to be
 * the Dockerfile's folder, which is what `docker build .` next to it uses. BuildKit prefers
 * `<Dockerfile name>.dockerignore` over `.dockerignore`, so that one is looked for first.
 *
 * The language server reads the same way (lsp/contextFacts.ts adds a cache), so the editor and the CLI never
 * disagree about which `.dockerignore` applies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileFacts } from '../engine/fileFacts';

export function readFileFacts(dockerfilePath: string): FileFacts {
  const names = listFolder(dirname(dockerfilePath));
  if (!names) return {};
  const dockerignore = readDockerignore(dockerfilePath, names);
  return dockerignore === undefined ? { contextFiles: names } : { dockerignore, contextFiles: names };
}

/** The file names in `folder`, sorted; undefined when it cannot be listed. */
export function listFolder(folder: string): string[] | undefined {
  try {
    return readdirSync(folder).sort();
  } catch {
    return undefined;
  }
}

/**
 * The `.dockerignore` for the Dockerfile at `dockerfilePath`, given the names in its folder: null when there is
 * none, undefined when it exists but cannot be read (unknown rather than absent, so no rule claims it is missing).
 */
export function readDockerignore(dockerfilePath: string, names: readonly string[]): FileFacts['dockerignore'] {
  const name = [`${basename(dockerfilePath)}.dockerignore`, '.dockerignore'].find((n) => names.includes(n));
  if (name === undefined) return null;
  try {
    return { path: name, content: readFileSync(join(dirname(dockerfilePath), name), 'utf8') };
  } catch {
    return undefined;
  }
}
