/**
 * Reads the facts about a Dockerfile's surroundings that the pure engine cannot read itself (engine/fileFacts.ts):
 * the `.dockerignore` that applies and the names of the files in its folder. The build context is assumed to be
 * the Dockerfile's folder, which is what `docker build .` next to it uses. BuildKit prefers
 * `<Dockerfile name>.dockerignore` over `.dockerignore`, so that one is looked for first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileFacts } from '../engine/fileFacts';

export function readFileFacts(dockerfilePath: string): FileFacts {
  const dir = dirname(dockerfilePath);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return {};
  }
  const candidates = [`${basename(dockerfilePath)}.dockerignore`, '.dockerignore'];
  for (const name of candidates) {
    if (!names.includes(name)) continue;
    try {
      return { dockerignore: { path: name, content: readFileSync(join(dir, name), 'utf8') }, contextFiles: names };
    } catch {
      // unreadable: treat as unknown rather than absent, so no rule claims it is missing
      return { contextFiles: names };
    }
  }
  return { dockerignore: null, contextFiles: names };
}
