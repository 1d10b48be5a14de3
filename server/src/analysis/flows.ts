/**
 * Artifact flows: every `COPY --from=<stage>` (and `ADD --from`) as source stage, source paths, destination
 * (resolved against the WORKDIR of the copying stage) and ownership. Source paths of `COPY --from` are
 * resolved from the root of the source stage, whatever its WORKDIR: `COPY --from=builder target/app.jar .`
 * reads `/target/app.jar`.
 */
import type { CopySource } from './copySources';
import { copyParts } from './copySources';
import { cleanPath } from './dockerignore';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Stage, StageEdge } from './model';
import { joinPath, workdirAt } from './paths';
import { wordValue } from './wordValue';

export interface FlowSource {
  readonly source: CopySource;
  /** Absolute path in the source stage; undefined when it depends on build-time variables. */
  readonly path: string | undefined;
  /** Written without a leading `/`. */
  readonly relative: boolean;
}

export interface ArtifactFlow {
  readonly instr: Instr;
  readonly edge: StageEdge;
  /** The stage copied from (undefined for an image or a variable). */
  readonly from: Stage | undefined;
  /** The stage the files are copied into. */
  readonly into: Stage;
  readonly sources: readonly FlowSource[];
  /** Destination as an absolute path; undefined when unknown. Ends with `/` when it names a directory. */
  readonly dest: string | undefined;
  /** `--chown` value as written, when present. */
  readonly chown: string | undefined;
}

const cache = new ObjectMemo<DockerfileModel, readonly ArtifactFlow[]>();

/** Every COPY/ADD `--from` of the file, in file order (ONBUILD triggers excluded). */
export function artifactFlows(model: DockerfileModel): readonly ArtifactFlow[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const flows: ArtifactFlow[] = [];
  for (const edge of model.edges) {
    if (edge.kind !== 'copy-from' || edge.onbuild) continue;
    const instr = edge.instr;
    const parts = copyParts(model, instr);
    if (!parts) continue;
    const sources = parts.sources.map((source): FlowSource => {
      const relative = source.value !== undefined && !source.value.startsWith('/');
      return { source, path: source.value === undefined ? undefined : rootedPath(source.value), relative };
    });
    flows.push({ instr, edge, from: edge.target, into: edge.source, sources, dest: copyDestination(model, instr), chown: instr.flag('chown')?.value ?? undefined });
  }
  cache.set(model, flows);
  return flows;
}

/** A `COPY --from` source as the absolute path it reads (relative ones from the root), cleaned. */
function rootedPath(value: string): string {
  const slashed = value.replace(/\\/g, '/');
  // An absolute source is cleaned as written: a second leading `/` would only make `cleanPath` split it.
  return cleanPath(slashed.startsWith('/') ? slashed : '/' + slashed);
}

/** The absolute destination of a COPY/ADD (trailing `/` kept for directories); undefined when unknown. */
export function destination(model: DockerfileModel, instr: Instr, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const word = wordValue(model, raw, instr);
  if (!word.known) return undefined;
  const value = word.value.replace(/\\/g, '/');
  const dir = value.endsWith('/') || value === '.' || value === '..';
  let abs: string;
  if (value.startsWith('/')) abs = joinPath('/', value);
  else {
    const cwd = workdirAt(model, instr);
    if (cwd === undefined) return undefined;
    abs = joinPath(cwd, value);
  }
  return dir && abs !== '/' ? abs + '/' : abs;
}

const destCache = new ObjectMemo<Instr, { value: string | undefined }>();

/** `destination` of a COPY/ADD's own destination word, memoised per instruction. */
export function copyDestination(model: DockerfileModel, instr: Instr): string | undefined {
  let hit = destCache.get(instr);
  if (!hit) {
    hit = { value: destination(model, instr, copyParts(model, instr)?.dest?.value) };
    destCache.set(instr, hit);
  }
  return hit.value;
}
