import { findVariables, PREDEFINED_ARGS } from '../analysis/args';
import type { DockerfileModel, StageEdge } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import { insertLinesBefore, keywordLike, replace } from '../engine/fixes';

export default defineRule({
  id: 'no-variable-in-copy-from',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      variable: "BuildKit does not expand variables in '{{flag}}', so '{{text}}' fails the build",
      alias: "Add 'FROM {{text}} AS {{name}}' and copy from '{{name}}'",
      useAlias: "Copy from stage '{{name}}' ('FROM {{text}}')",
    },
    docs: {
      summary: "'COPY --from' and 'RUN --mount=…,from=' do not expand variables; use a stage built FROM the variable",
      rationale:
        'BuildKit refuses `COPY --from=$IMAGE` ("variable expansion is not supported for --from") and ' +
        '`RUN --mount=from=$IMAGE` ("\'from\' doesn\'t support variable expansion, define alias stage instead"). ' +
        'The supported way is an alias stage: declare the variable as a global ARG, add `FROM ${IMAGE} AS ' +
        'image`, and copy from `image`.',
      fixSafety:
        'Offered when every variable is a global ARG (the only ones FROM can see) and the alias stage can go right ' +
        'before the stage that copies without renumbering any `--from=N` reference. The build could not run ' +
        'before, and afterwards copies from exactly the image the variable names.',
      examples: {
        invalid: ['ARG TOOLS_IMAGE=alpine:3.19\nFROM debian:bookworm-slim\nCOPY --from=${TOOLS_IMAGE} /bin/busybox /bin/busybox\n'],
        valid: ['ARG TOOLS_IMAGE=alpine:3.19\nFROM ${TOOLS_IMAGE} AS tools\n\nFROM debian:bookworm-slim\nCOPY --from=tools /bin/busybox /bin/busybox\n'],
      },
    },
  },
  check({ model, report }) {
    for (const edge of model.edges) {
      if (edge.kind === 'from' || !/\$./.test(edge.text)) continue;
      report({
        messageId: 'variable',
        data: { flag: edge.kind === 'copy-from' ? '--from' : 'from=', text: edge.text },
        range: edge.range,
        fixes: aliasFix(model, edge),
      });
    }
  },
});

function aliasFix(model: DockerfileModel, edge: StageEdge) {
  const uses = findVariables(edge.text, model.escapeChar);
  const globals = new Set(model.globalArgs.map((a) => a.name));
  if (uses.length === 0 || !uses.every((u) => globals.has(u.name) || PREDEFINED_ARGS.has(u.name))) return [];
  if (model.edges.some((e) => e.by === 'index')) return [];
  // An existing alias stage built FROM exactly this text, before the copying stage, is reused.
  const existing = model.stages.find((s) => s.index < edge.source.index && s.name && s.base.kind !== 'missing' && s.base.text === edge.text);
  if (existing?.name) {
    return [{ messageId: 'useAlias' as const, data: { name: existing.name.text, text: edge.text }, safety: 'safe' as const, edits: [replace(edge.range, existing.name.text)] }];
  }
  // What the alias's FROM would resolve to must not be a stage defined at or after the insertion point.
  const resolved = model.expand(edge.text, undefined).value.toLowerCase();
  const firstCopier = model.edges.find((e) => e.text === edge.text && e.kind !== 'from')!.source;
  if (model.stagesNamed(resolved).some((s) => s.index >= firstCopier.index)) return [];
  const name = aliasName(model, edge.text);
  if (!name) return [];
  const [from, as] = [keywordLike(firstCopier.from, 'FROM'), keywordLike(firstCopier.from, 'AS')];
  const insert = insertLinesBefore(model, firstCopier.from.range.start.line, [`${from} ${edge.text} ${as} ${name}`, '']);
  return [{ messageId: 'alias' as const, data: { text: edge.text, name }, safety: 'safe' as const, edits: [insert, replace(edge.range, name)] }];
}

/** `${TOOLS_IMAGE}` → `tools-image`: a valid, unused stage name derived from the variables. */
function aliasName(model: DockerfileModel, text: string): string | undefined {
  const words = findVariables(text, model.escapeChar).map((u) => u.name.toLowerCase().replace(/_/g, '-'));
  let base = words.join('-').replace(/^[^a-z]+/, '').replace(/-+/g, '-');
  if (!base) return undefined;
  if (base === 'scratch' || base === 'context') base += '-image';
  const taken = new Set(model.stages.flatMap((s) => (s.name ? [s.name.key] : [])));
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}
