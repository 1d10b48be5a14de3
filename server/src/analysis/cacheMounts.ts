/**
 * Which package caches a RUN keeps out of its layer with `--mount=type=cache` (or `tmpfs`): a cache that is
 * mounted never ships, so the size rules (apt lists, apk and pip caches) have nothing to report for it.
 */
import type { Instr } from './model';
import { cacheKindsUnder, type CacheKind } from './packageCaches';
import { cleanPath } from './dockerignore';
import { mountFlags, mountTarget, mountType } from './runMounts';

/** A cache mount's target with the user's home mapped to root's (the cache table is written for root). */
function normalizeTarget(target: string): string {
  const p = cleanPath(target.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root'));
  return p.replace(/^\/home\/[^/]+(?=\/|$)/, '/root');
}

/** Caches that a `--mount=type=cache|tmpfs,target=…` of `instr` keeps out of the layer. */
export function mountedCacheKinds(instr: Instr): Set<CacheKind> {
  const kinds = new Set<CacheKind>();
  for (const flag of mountFlags(instr)) {
    const type = mountType(flag);
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = mountTarget(flag);
    if (!target || !target.startsWith('/') && !target.startsWith('~') && !target.startsWith('$')) continue;
    for (const kind of cacheKindsUnder(normalizeTarget(target))) kinds.add(kind);
  }
  return kinds;
}
