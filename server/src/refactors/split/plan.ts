/**
 * What an ecosystem contributes to a split: the runtime image, the artifacts copied out of the builder, the
 * instructions added to the builder (a virtualenv, `CGO_ENABLED=0`, pruning dev dependencies) and how the
 * runtime finds its programs. `assemble.ts` turns a plan into the two stages.
 */
import { describeImageText, type ImageFacts } from '../../analysis/baseImages';
import type { SplitAnalysis } from './analysis';

export type SplitEcosystem = 'python' | 'node' | 'go' | 'rust' | 'java' | 'dotnet';

export interface Artifact {
  /** Absolute path in the builder (may end in a glob: `/app/target/*.jar`). */
  readonly from: string;
  /** Absolute path in the runtime image (a directory ends with `/`). */
  readonly to: string;
}

export interface EcosystemPlan {
  readonly ecosystem: SplitEcosystem;
  /** Image reference for the runtime FROM. */
  readonly runtimeImage: string;
  readonly artifacts: readonly Artifact[];
  /** Instructions (each a list of lines) written right after the artifacts (e.g. `ENV PATH=…`). */
  readonly afterArtifacts: readonly (readonly string[])[];
  /** Instructions added to the builder before / after the stage instruction with that index. */
  readonly builderBefore: ReadonlyMap<number, readonly (readonly string[])[]>;
  readonly builderAfter: ReadonlyMap<number, readonly (readonly string[])[]>;
  /** The artifacts load shared libraries, so header packages become their libraries at run time. */
  readonly linksLibraries: boolean;
  /** The runtime leaves something out even when its image and packages are the builder's (dev dependencies). */
  readonly gain?: boolean;
  /** System packages that only serve the build when installed next to a compiler (python3 for node-gyp). */
  readonly buildOnlyPackages?: readonly string[];
  /** System packages the runtime needs whatever the Dockerfile installed. */
  readonly extraPackages?: readonly string[];
  /** Bare command names the runtime provides besides system packages and base tools. */
  readonly provides: (name: string) => boolean;
  /**
   * The runtime may be an image without a shell (distroless): the assembler checks that nothing needs one and
   * otherwise uses `shellRuntimeImage`.
   */
  readonly shellRuntimeImage?: string;
}

export interface Planner {
  readonly ecosystem: SplitEcosystem;
  /** Whether the stage builds this ecosystem (base image language and build commands). */
  recognises(analysis: SplitAnalysis): boolean;
  plan(analysis: SplitAnalysis): EcosystemPlan | undefined;
}

/**
 * The runtime sibling of the base image, written like the FROM line: when the reference uses global ARGs
 * (`python:${PY}`), their uses are kept (`python:${PY}-slim`) as long as the value occurs once in the result.
 */
export function runtimeReference(analysis: SplitAnalysis, alternative: string): string {
  const base = analysis.stage.base;
  if (base.kind !== 'image' || base.resolved === undefined || base.text === base.resolved) return alternative;
  let text = alternative;
  for (const m of base.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
    const value = analysis.model.globalArgValue(m[1]!);
    if (!value || text.split(value).length !== 2) continue;
    text = text.replace(value, `\${${m[1]!}}`);
  }
  const expanded = analysis.model.expand(text, undefined);
  return expanded.unresolved.length === 0 && expanded.value === alternative ? text : alternative;
}

/** The image to ship: the base's runtime alternative for an SDK image, the base itself for a runtime image. */
export function runtimeImageOf(analysis: SplitAnalysis): { reference: string; facts: ImageFacts } | undefined {
  const base = analysis.stage.base;
  if (base.kind !== 'image') return undefined;
  const facts = analysis.facts;
  if (facts.variant === 'sdk') {
    if (!facts.runtimeAlternative) return undefined;
    const runtime = describeImageText(facts.runtimeAlternative);
    return runtime.known ? { reference: runtimeReference(analysis, facts.runtimeAlternative), facts: runtime } : undefined;
  }
  if (facts.variant === 'runtime') return { reference: base.text, facts };
  return undefined;
}

/** `base` + map entries, for builder insertions. */
export function insertions(entries: readonly [number, readonly (readonly string[])[]][]): Map<number, readonly (readonly string[])[]> {
  const map = new Map<number, (readonly string[])[]>();
  for (const [at, lines] of entries) map.set(at, [...(map.get(at) ?? []), ...lines]);
  return map;
}
