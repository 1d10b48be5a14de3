/**
 * Stage references with BuildKit semantics:
 * - `FROM x` resolves against earlier stages only; otherwise `x` is an image (`scratch` is no image at all).
 * - `COPY --from=x` and `RUN --mount=…,from=x` resolve against all stages (forward references are legal),
 *   then fall back to an image; a numeric value is a stage index.
 * - Stage names compare case-insensitively.
 */
import type { Range } from 'vscode-languageserver-types';
import type { EdgeKind, Instr, Stage, StageEdge } from './model';

export function stageKey(name: string): string {
  return name.toLowerCase();
}

export interface StageLookup {
  readonly stages: readonly Stage[];
  byKey(key: string): Stage | undefined;
}

/** The references an instruction makes to other stages or images through `--from` / `from=`. */
export function referencesIn(instr: Instr, source: Stage, lookup: StageLookup, onbuild = false): StageEdge[] {
  const edges: StageEdge[] = [];
  if (instr.trigger) edges.push(...referencesIn(instr.trigger, source, lookup, true));
  if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
    const from = instr.flag('from');
    if (from && from.value !== null && from.valueRange) {
      edges.push(resolveRef('copy-from', from.value, from.valueRange, instr, source, lookup, onbuild));
    }
  }
  if (instr.keyword === 'RUN') {
    for (const flag of instr.flags) {
      if (flag.name !== 'mount') continue;
      const opt = flag.options.find((o) => o.name === 'from');
      if (opt && opt.value !== null && opt.valueRange) {
        edges.push(resolveRef('mount-from', opt.value, opt.valueRange, instr, source, lookup, onbuild));
      }
    }
  }
  return edges;
}

function resolveRef(
  kind: EdgeKind, text: string, range: Range, instr: Instr, source: Stage, lookup: StageLookup, onbuild: boolean,
): StageEdge {
  // Literals, not a spread of a shared base: one edge per COPY --from of every instruction, and spreading costs.
  if (text.includes('$')) return { kind, source, text, instr, range, onbuild, target: undefined, by: 'variable', forward: false };
  if (/^\d+$/.test(text)) {
    const target = lookup.stages[Number(text)];
    return { kind, source, text, instr, range, onbuild, target, by: 'index', forward: target ? target.index > source.index : false };
  }
  const target = lookup.byKey(stageKey(text));
  if (target) return { kind, source, text, instr, range, onbuild, target, by: 'name', forward: target.index > source.index };
  return { kind, source, text, instr, range, onbuild, target: undefined, by: 'image', forward: false };
}

/** Stages reachable from `targets` through FROM, COPY --from and mount from= (ONBUILD triggers excluded). */
export function reachableStages(targets: readonly Stage[], edgesFrom: (s: Stage) => readonly StageEdge[]): Set<Stage> {
  const seen = new Set<Stage>();
  const stack = [...targets];
  while (stack.length > 0) {
    const stage = stack.pop()!;
    if (seen.has(stage)) continue;
    seen.add(stage);
    for (const edge of edgesFrom(stage)) {
      if (edge.target && !edge.onbuild && !seen.has(edge.target)) stack.push(edge.target);
    }
  }
  return seen;
}

/** Elementary cycles found by DFS (each reported once, starting at its lowest stage index). */
export function findCycles(stages: readonly Stage[], edgesFrom: (s: Stage) => readonly StageEdge[]): Stage[][] {
  const cycles: Stage[][] = [];
  const seenKeys = new Set<string>();
  const state = new Map<Stage, 'active' | 'done'>();
  const path: Stage[] = [];
  const visit = (stage: Stage) => {
    state.set(stage, 'active');
    path.push(stage);
    for (const edge of edgesFrom(stage)) {
      const next = edge.target;
      if (!next || edge.onbuild) continue;
      if (state.get(next) === 'active') {
        const cycle = path.slice(path.indexOf(next));
        const min = cycle.reduce((a, b) => (b.index < a.index ? b : a));
        const rotated = [...cycle.slice(cycle.indexOf(min)), ...cycle.slice(0, cycle.indexOf(min))];
        const key = rotated.map((s) => s.index).join('>');
        if (!seenKeys.has(key)) {
          seenKeys.add(key);
          cycles.push(rotated);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(stage, 'done');
  };
  for (const stage of stages) if (!state.has(stage)) visit(stage);
  return cycles;
}
