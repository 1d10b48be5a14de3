/**
 * Paths inside an image: cleaning and joining (POSIX, as BuildKit resolves them), and the working directory
 * an instruction runs in — the last `WORKDIR` of its chain (relative ones resolved against the previous), or
 * the base image's own WORKDIR when the Dockerfile sets none. The base's WORKDIR is only known for a few
 * curated images (`golang` works in `/go`); for other images it is unknown, and so is every relative path
 * resolved against it.
 */
import type { ImageFacts } from './baseImages';
import { cleanPath } from './dockerignore';
import { baseFactsOf } from './finalImage';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage } from './model';
import { argumentText, wordValue } from './wordValue';

/** `rel` resolved against the absolute directory `base` and cleaned (`/app` + `../x` → `/x`). */
export function joinPath(base: string, rel: string): string {
  if (rel.startsWith('/')) return cleanPath(rel);
  // No `//` after the root: a clean result is then returned as it is built.
  return cleanPath(base === '/' ? '/' + rel : `${base}/${rel}`);
}

/** `path` is `dir` or inside it (both absolute and clean). */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  // Asked for every production of a chain: compare in place rather than build `dir + '/'`.
  if (path.length === dir.length) return path === dir;
  return path.length > dir.length && path.charCodeAt(dir.length) === SLASH && path.startsWith(dir);
}

const SLASH = 47;

/** One path contains the other. */
export function pathsOverlap(a: string, b: string): boolean {
  return isUnder(a, b) || isUnder(b, a);
}

/**
 * The base image's WORKDIR for curated images whose Dockerfile sets one, `/` for curated images that set
 * none; undefined when unknown (uncurated images, server images with their own layout).
 */
export function defaultWorkdir(facts: ImageFacts): string | undefined {
  if (!facts.known) return undefined;
  const repo = facts.repository;
  if (repo === 'golang') return '/go';
  if (repo === 'php') return '/var/www/html';
  if (repo === 'tomcat') return '/usr/local/tomcat';
  if (repo === 'httpd') return '/usr/local/apache2';
  if (repo === 'gradle' || repo === 'maven' || repo === 'jenkins/jenkins') return undefined;
  if (facts.family === 'windows' || facts.family === 'unknown') return undefined;
  const lang = facts.language.name;
  const plain = lang === 'none' || lang === 'python' || lang === 'node' || lang === 'java' || lang === 'dotnet' || lang === 'rust' || lang === 'ruby';
  return plain ? '/' : undefined;
}

/** The value a WORKDIR instruction sets (absolute, clean); undefined when it depends on unknown variables. */
export function workdirValue(model: DockerfileModel, instr: Instr, previous: string | undefined): string | undefined {
  const raw = argumentText(model, instr).trim();
  if (raw === '') return undefined;
  const word = wordValue(model, raw, instr);
  if (!word.known) return undefined;
  const value = word.value.replace(/\\/g, '/');
  if (value.startsWith('/')) return cleanPath(value);
  return previous === undefined ? undefined : joinPath(previous, value);
}

interface StageWorkdirs {
  /** Working directory before each instruction of the stage. */
  readonly before: Map<Instr, string | undefined>;
  readonly end: string | undefined;
}

const workdirCache = new ObjectMemo<Stage, StageWorkdirs>();

/** Working directories of a stage, computed once from its parent's (or its base image's) and its WORKDIRs. */
function stageWorkdirs(model: DockerfileModel, stage: Stage, visiting: Set<Stage> = new Set()): StageWorkdirs {
  const hit = workdirCache.get(stage);
  if (hit) return hit;
  let dir: string | undefined;
  if (stage.parent && !visiting.has(stage.parent)) {
    visiting.add(stage);
    dir = stageWorkdirs(model, stage.parent, visiting).end;
  } else {
    dir = stage.parent ? undefined : defaultWorkdir(baseFactsOf(model, stage));
  }
  const before = new Map<Instr, string | undefined>();
  for (const instr of stage.instructions) {
    before.set(instr, dir);
    if (instr.keyword === 'WORKDIR') dir = workdirValue(model, instr, dir);
  }
  const result = { before, end: dir };
  workdirCache.set(stage, result);
  return result;
}

/** Working directory `instr` runs in (absolute, clean); undefined when unknown. */
export function workdirAt(model: DockerfileModel, instr: Instr): string | undefined {
  const stage = instr.stage;
  return stage ? stageWorkdirs(model, stage).before.get(instr) : undefined;
}

/** Working directory at the end of `stage` (what a child stage built FROM it starts in). */
export function workdirAtEnd(model: DockerfileModel, stage: Stage): string | undefined {
  return stageWorkdirs(model, stage).end;
}

/** First component of an absolute path (`/app/dist` → `app`); '' for `/`. */
export function topLevel(path: string): string {
  const start = path.indexOf('/');
  if (start < 0) return '';
  const end = path.indexOf('/', start + 1);
  return end < 0 ? path.slice(start + 1) : path.slice(start + 1, end);
}
