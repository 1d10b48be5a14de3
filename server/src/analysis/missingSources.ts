/**
 * `COPY --from=<stage> <src>` sources that do not exist in the source stage (see `pathStatus`): nothing in
 * its chain creates them, or only a RUN whose `--mount` target swallowed the writes. BuildKit then fails
 * with "failed to compute cache key: … not found".
 */
import { artifactFlows, type ArtifactFlow, type FlowSource } from './flows';
import type { DockerfileModel } from './model';
import { workdirAtEnd } from './paths';
import { missingPathStatus, type PathStatus } from './producedPaths';

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
