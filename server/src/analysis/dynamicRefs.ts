/**
 * Stage references whose text holds a variable (`FROM delve-${DELVE_SUPPORTED}`, `COPY --from=${VARIANT}-build`)
 * choose their stage at build time. Rules that must not call such a stage unused treat every stage whose name
 * fits the pattern as possibly referenced.
 */
import { findVariables } from './args';
import type { DockerfileModel, Stage } from './model';

/** Stages a variable reference in `text` may resolve to (names matching the text with each variable as a wildcard). */
export function stagesMatchingPattern(model: DockerfileModel, text: string): Stage[] {
  const uses = findVariables(text, model.escapeChar);
  if (uses.length === 0) return [];
  let pattern = '';
  let last = 0;
  for (const use of uses) {
    pattern += escapeRegExp(text.slice(last, use.start)) + '.*';
    last = use.end;
  }
  pattern += escapeRegExp(text.slice(last));
  const re = new RegExp(`^${pattern.replace(/["']/g, '')}$`, 'i');
  return model.stages.filter((s) => s.name && re.test(s.name.key));
}

/**
 * Stages the build targets (or other `roots`) may reach, counting references through variables as reaching every stage they may
 * name. A superset of `model.isReachable`.
 */
export function possiblyReachableStages(model: DockerfileModel, roots: readonly Stage[] = model.targets): Set<Stage> {
  const seen = new Set<Stage>();
  const stack = [...roots];
  while (stack.length > 0) {
    const stage = stack.pop()!;
    if (seen.has(stage)) continue;
    seen.add(stage);
    const next: Stage[] = [];
    for (const edge of model.edgesFrom(stage)) {
      if (edge.onbuild) continue;
      if (edge.target) next.push(edge.target);
      // Even when the defaults pick one stage, a build argument may pick any other the pattern allows; FROM
      // only names earlier stages (so `FROM ${BASE}` on the first FROM line can name none).
      if (edge.text.includes('$')) {
        const candidates = stagesMatchingPattern(model, edge.text);
        next.push(...(edge.kind === 'from' ? candidates.filter((s) => s.index < edge.source.index) : candidates));
      }
    }
    for (const s of next) if (!seen.has(s)) stack.push(s);
  }
  return seen;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
