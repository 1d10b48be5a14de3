/**
 * `COPY --from=<stage> <src>` sources that do not exist in the source stage (see `pathStatus`): nothing in
 * its chain creates them, or only a RUN whose `--mount` target swallowed the writes. BuildKit then fails
 * with "failed to compute cache key: … not found".
 */
import { baseFactsOf, stageChain } from './finalImage';
import { artifactFlows, type ArtifactFlow, type FlowSource } from './flows';
import type { DockerfileModel, Instr, Stage } from './model';
import { isUnder, pathsOverlap, workdirAtEnd } from './paths';
import { baseMayShip, instrPaths, isApplicationPath, namedPaths, pathStatus, someDeclaredValue, stagePathsKnown, type PathStatus, type StagePaths } from './producedPaths';

export interface MissingSource {
  readonly flow: ArtifactFlow;
  readonly source: FlowSource;
  /** The path looked up (for a pattern, its directory part). */
  readonly path: string;
  readonly status: PathStatus;
  /** The source stage's working directory at its end (a relative source is NOT resolved against it). */
  readonly workdir: string | undefined;
}

export function missingSources(model: DockerfileModel): MissingSource[] {
  const out: MissingSource[] = [];
  for (const flow of artifactFlows(model)) {
    const from = flow.from;
    if (!from || !model.isReachable(flow.into)) continue;
    for (const source of flow.sources) {
      if (source.path === undefined || source.source.kind !== 'path') continue;
      // For a pattern, only the directory before the first wildcard can be checked.
      const path = source.source.glob ? source.path.slice(0, source.path.search(/[*?[]/)).replace(/\/[^/]*$/, '') || '/' : source.path;
      if (path === '/') continue;
      const status = missingPathStatus(model, from, path, source.relative);
      if (status) out.push({ flow, source, path, status, workdir: workdirAtEnd(model, from) });
    }
  }
  return out;
}

/** Instructions whose productions are cheap to read and never discarded by a mount. */
const DECLARATIONS = new Set(['WORKDIR', 'COPY', 'ADD']);

/**
 * `pathStatus` when it is 'missing', else undefined: what `COPY --from` checks need. Most sources are settled by
 * a WORKDIR, COPY, ADD, ENV or ARG of the chain (one that creates the path, or one that makes absence
 * unknowable), which is cheap to read; only the rest pay for analysing the chain's RUN scripts. ENV and ARG
 * values written without variables name their paths as written, so those are read before any is expanded.
 */
export function missingPathStatus(model: DockerfileModel, stage: Stage, path: string, writtenRelative = false): PathStatus | undefined {
  if (!isApplicationPath(path, writtenRelative) || baseMayShip(baseFactsOf(model, stage), path)) return undefined;
  const chain = stageChain(stage);
  // Another query may have read the whole chain already: nothing is left to skip.
  if (chain.every(stagePathsKnown)) return missing(pathStatus(model, stage, path, writtenRelative));
  let variables = false;
  for (const s of chain) {
    for (const instr of s.instructions) {
      const keyword = instr.keyword;
      if (keyword === 'ENV' || keyword === 'ARG') {
        const named = literallyNames(instr, path, model.escapeChar);
        if (named === true) return undefined;
        if (named === undefined) variables = true;
      } else if (DECLARATIONS.has(keyword) && settles(instrPaths(model, s, instr), path)) {
        return undefined;
      }
    }
  }
  if (variables) {
    for (const s of chain) {
      for (const instr of s.instructions) {
        if ((instr.keyword === 'ENV' || instr.keyword === 'ARG') && settles(instrPaths(model, s, instr), path)) return undefined;
      }
    }
  }
  return missing(pathStatus(model, stage, path, writtenRelative));
}

function missing(status: PathStatus): PathStatus | undefined {
  return status.status === 'missing' ? status : undefined;
}

/**
 * The instruction makes `path` exist or its absence unknowable, whatever its chain's mounts: a copy of the
 * context is left to `pathStatus`, since it may stand for build outputs that a cache mount swallows.
 */
function settles(own: StagePaths, path: string): boolean {
  if (own.opaque) return true;
  for (const p of own.productions) if (!p.fromContext && (p.tree ? pathsOverlap(p.path, path) : isUnder(p.path, path))) return true;
  return false;
}

/**
 * Whether an ENV or ARG value written without variables names `path`, a directory above it or one below it
 * (as the 'env' productions of `instrPaths` do); undefined when none does but a value with variables may.
 */
function literallyNames(instr: Instr, path: string, escapeChar: string): boolean | undefined {
  let variables = false;
  const overlaps = (named: string): boolean => pathsOverlap(named, path);
  const names = (value: string): boolean => {
    if (!value.includes('$')) return namedPaths(value, overlaps);
    variables = true;
    return false;
  };
  return someDeclaredValue(instr, escapeChar, names) || (variables ? undefined : false);
}
