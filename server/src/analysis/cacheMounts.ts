/**
 * Where package caches go, stage-aware: which caches a RUN keeps out of its layer with `--mount=type=cache`
 * (or `tmpfs`), and which stages end up in the image that is shipped. Size rules (apt lists, apk and pip
 * caches, recommended packages) only matter for the final image: a builder stage's caches are never pushed,
 * because only what a later stage copies out of it ships.
 */
import type { DockerfileModel, Instr, Stage } from './model';
import { cacheKindsUnder, type CacheKind } from './packageCaches';
import { cleanPath } from './dockerignore';

/** A cache mount's target with the user's home mapped to root's (the cache table is written for root). */
function normalizeTarget(target: string): string {
  const p = cleanPath(target.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root'));
  return p.replace(/^\/home\/[^/]+(?=\/|$)/, '/root');
}

/** Caches that a `--mount=type=cache|tmpfs,target=…` of `instr` keeps out of the layer. */
export function mountedCacheKinds(instr: Instr): Set<CacheKind> {
  const kinds = new Set<CacheKind>();
  for (const flag of instr.flags) {
    if (flag.name !== 'mount') continue;
    const opt = (name: string) => flag.options.find((o) => o.name === name)?.value ?? undefined;
    const type = opt('type') ?? 'bind';
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = opt('target') ?? opt('dst') ?? opt('destination');
    if (!target || !target.startsWith('/') && !target.startsWith('~') && !target.startsWith('$')) continue;
    for (const kind of cacheKindsUnder(normalizeTarget(target))) kinds.add(kind);
  }
  return kinds;
}

/** The stages whose layers are in a shipped image: every target and the stages it is built `FROM`. */
export function finalImageStages(model: DockerfileModel): Set<Stage> {
  const out = new Set<Stage>();
  for (const target of model.targets) for (const stage of model.finalChain(target)) out.add(stage);
  return out;
}

/** RUN instructions of the final image (ONBUILD triggers excluded: they run in child images). */
export function finalImageRuns(model: DockerfileModel): Instr[] {
  const stages = finalImageStages(model);
  return model.instructions.filter((i) => i.keyword === 'RUN' && i.stage !== undefined && stages.has(i.stage));
}
