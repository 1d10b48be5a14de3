/**
 * Facts about one stage for hover cards and code lenses, read from the model: what it takes from other stages,
 * who uses it and how, the path by which a build target reaches it, and the image config in effect at its end
 * (USER, WORKDIR, EXPOSE — all inherited through `FROM <stage>`, as Docker image config is).
 */
import type { DockerfileModel, Instr, Stage, StageEdge } from '../analysis/model';
import { sameRange } from '../analysis/ranges';

export interface Transfer {
  readonly edge: StageEdge;
  /** Source paths (`COPY --from=x /a /b dest`) or the mount's `source`; empty when none is given. */
  readonly paths: readonly string[];
  /** Destination (COPY) or mount target. */
  readonly destination: string | undefined;
}

export interface ConfigValue {
  readonly value: string;
  readonly instr: Instr;
  /** Set by an ancestor stage (inherited through `FROM <stage>`), not by the stage itself. */
  readonly inherited: boolean;
}

export interface StageFacts {
  readonly stage: Stage;
  /** `FROM` ancestry, the stage first: [stage, parent, grandparent…]. */
  readonly chain: readonly Stage[];
  /** COPY --from / mount from= made by this stage (to stages or images). */
  readonly takes: readonly Transfer[];
  /** References to this stage from other stages, in file order. */
  readonly usedBy: readonly Transfer[];
  /** How a target reaches this stage: [target, …, stage]; undefined when no target does. */
  readonly reachPath: readonly Stage[] | undefined;
  readonly user: ConfigValue | undefined;
  readonly workdir: ConfigValue | undefined;
  readonly ports: readonly ConfigValue[];
}

function transferOf(edge: StageEdge): Transfer {
  const instr = edge.instr.trigger && edge.onbuild ? edge.instr.trigger : edge.instr;
  if (edge.kind === 'copy-from') {
    const args = instr.args.map((a) => a.value);
    if (args.length === 0 && instr.heredocs.length > 0) return { edge, paths: [], destination: undefined };
    return { edge, paths: args.slice(0, -1), destination: args[args.length - 1] };
  }
  if (edge.kind === 'mount-from') {
    const mount = instr.flags.find((f) => f.name === 'mount' && f.options.some((o) => o.name === 'from' && o.valueRange && sameRange(o.valueRange, edge.range)));
    const opt = (...names: string[]) => mount?.options.find((o) => names.includes(o.name.toLowerCase()))?.value ?? undefined;
    const source = opt('source', 'src');
    return { edge, paths: source ? [source] : [], destination: opt('target', 'dst', 'destination') };
  }
  return { edge, paths: [], destination: undefined };
}

/** The last instruction with `keyword` along the FROM chain (the stage's own ones win). */
function lastInChain(chain: readonly Stage[], keyword: string): { instr: Instr; inherited: boolean } | undefined {
  for (const [i, s] of chain.entries()) {
    const found = [...s.instructions].reverse().find((x) => x.keyword === keyword);
    if (found) return { instr: found, inherited: i > 0 };
  }
  return undefined;
}

function argText(model: DockerfileModel, instr: Instr): string {
  const raw = instr.args.map((a) => a.value).join(' ');
  const expanded = model.expand(raw, instr);
  return expanded.unresolved.length > 0 ? raw : expanded.value;
}

function workdirOf(model: DockerfileModel, chain: readonly Stage[]): ConfigValue | undefined {
  // Relative WORKDIRs build on the previous one, so walk the chain from its root.
  let path: string | undefined;
  let last: { instr: Instr; owner: Stage } | undefined;
  for (const s of [...chain].reverse()) {
    for (const instr of s.instructions) {
      if (instr.keyword !== 'WORKDIR') continue;
      const dir = argText(model, instr);
      path = dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:/.test(dir) || path === undefined ? dir : `${path.replace(/\/$/, '')}/${dir}`;
      last = { instr, owner: s };
    }
  }
  if (!last || path === undefined) return undefined;
  return { value: path, instr: last.instr, inherited: last.owner !== chain[0] };
}

function reachPathTo(model: DockerfileModel, stage: Stage): Stage[] | undefined {
  if (!model.isReachable(stage)) return undefined;
  const previous = new Map<Stage, Stage | null>();
  const queue: Stage[] = [];
  for (const t of model.targets) {
    previous.set(t, null);
    queue.push(t);
  }
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === stage) break;
    for (const edge of model.edgesFrom(current)) {
      if (!edge.target || edge.onbuild || previous.has(edge.target)) continue;
      previous.set(edge.target, current);
      queue.push(edge.target);
    }
  }
  if (!previous.has(stage)) return undefined;
  const path: Stage[] = [];
  for (let s: Stage | null | undefined = stage; s; s = previous.get(s)) path.unshift(s);
  return path;
}

export function stageFacts(model: DockerfileModel, stage: Stage): StageFacts {
  const chain = model.finalChain(stage);
  const takes = model.edgesFrom(stage).filter((e) => e.kind !== 'from' && !e.onbuild).map((e) => transferOf(e));
  const usedBy = model.referencesTo(stage).filter((e) => !e.onbuild && e.source !== stage).map((e) => transferOf(e));
  const user = lastInChain(chain, 'USER');
  const ports: ConfigValue[] = [];
  for (const [i, s] of chain.entries()) {
    for (const instr of s.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const a of instr.args) ports.push({ value: model.expand(a.value, instr).value, instr, inherited: i > 0 });
    }
  }
  return {
    stage,
    chain,
    takes,
    usedBy,
    reachPath: reachPathTo(model, stage),
    user: user ? { value: argText(model, user.instr), instr: user.instr, inherited: user.inherited } : undefined,
    workdir: workdirOf(model, chain),
    ports,
  };
}
