import { boundedDistance } from '../analysis/boundedDistance';
import type { Stage, StageEdge } from '../analysis/model';
import { KNOWN_OFFICIAL_IMAGES } from '../analysis/officialImages';
import { isValidStageName } from '../analysis/buildkitGrammar';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'no-unknown-stage-reference',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    // DL3022 also fires on images, ARGs and named contexts, and misses FROM and mount references.
    sources: [{ tool: 'hadolint', id: 'DL3022', relation: 'inspired' }],
    messages: {
      typo: "'{{text}}' is no stage of this file (did you mean '{{stage}}'?), so BuildKit tries to pull an image named '{{text}}'",
      later: "Stage '{{text}}' is defined later, and FROM only sees earlier stages, so BuildKit tries to pull an image named '{{text}}'",
      index: "There is no stage {{index}} (the file has {{count}} stages, numbered from 0), so the build fails",
      replaceWith: "Change '{{text}}' to stage '{{stage}}'",
    },
    docs: {
      summary: 'A stage reference must name a stage of the file (a typo silently becomes an image pull)',
      rationale:
        'When `COPY --from=buidler` or `FROM buidler` matches no stage, BuildKit does not report a typo: it treats ' +
        'the name as an image, and the build fails later with a pull or authentication error (or, worse, pulls ' +
        'a public image of that name). `FROM x` only sees stages defined *before* it, so naming a later stage has ' +
        'the same effect. A numeric `--from=N` past the last stage fails too.\n\n' +
        'To stay precise, a name is only reported when it cannot be an image: it has no `/`, `:` or `@`, it is ' +
        'not the name of an official image, and it is within a small edit distance of a stage name (or is a ' +
        'later stage, for `FROM`). Other names may be images or named build contexts (`--build-context`).',
      fixSafety: 'Unsafe: the intended stage is a guess from the spelling.',
      examples: {
        invalid: ['FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=buidler /app /app\n'],
        valid: ['FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine\nCOPY --from=builder /app /app\nCOPY --from=nginx:1.27 /etc/nginx/mime.types /etc/\n'],
      },
    },
  },
  check({ model, report }) {
    // Only names BuildKit accepts are suggested: a stage named `"app` (a stray quote) is a syntax error of its
    // own, and writing that name into a --from would break the instruction.
    const named = model.stages.filter((s): s is NamedStage => s.name !== undefined && isValidStageName(s.name.key));
    for (const edge of model.edges) {
      if (edge.by === 'index') {
        if (!edge.target) {
          report({ messageId: 'index', data: { index: edge.text, count: model.stages.length }, range: edge.range });
        }
        continue;
      }
      if (edge.by !== 'image') continue;
      const text = referenceText(edge);
      if (text === undefined || /[/:@]/.test(text) || KNOWN_OFFICIAL_IMAGES.has(text.toLowerCase())) continue;
      const key = text.toLowerCase();
      // `FROM -- -- as d`: the parser took the flags for the image's place and the AS keyword for the image. That FROM
      // is malformed (dockerfile-syntax says so); `as` is no misspelt stage, and renaming it broke the line further.
      if (edge.kind === 'from' && key === 'as') continue;
      if (edge.kind === 'from') {
        const later = model.stagesNamed(key).find((s): s is NamedStage => s.index >= edge.source.index);
        if (later) {
          report({
            messageId: 'later', data: { text }, range: edge.range,
            related: [{ range: later.name.range, message: `'${later.name.text}' is defined here, after this FROM` }],
          });
          continue;
        }
      }
      // FROM only sees earlier stages; --from and from= see them all (but never the copying stage itself as a fix).
      const candidate = (s: Stage): boolean => (edge.kind === 'from' ? s.index < edge.source.index : s !== edge.source);
      const similar = closestStage(key, named, candidate);
      if (!similar) continue;
      report({
        messageId: 'typo',
        data: { text, stage: similar.name.text },
        range: edge.range,
        related: [{ range: similar.name.range, message: `'${similar.name.text}' is defined here` }],
        // No fix for a name read through an escape or a continuation (`docker-c\\<newline>`): the edit would replace
        // those characters too, changing how the lines around it join.
        fixes: edge.text.includes('$') || model.document.getText(edge.range) !== edge.text
          ? []
          : [{ messageId: 'replaceWith', data: { text: edge.text, stage: similar.name.text }, safety: 'unsafe', edits: [replace(edge.range, similar.name.text)] }],
      });
    }
  },
});

/** The reference as BuildKit sees it: FROM lines expand global ARGs; undefined when only known at build time. */
function referenceText(edge: StageEdge): string | undefined {
  if (!edge.text.includes('$')) return edge.text;
  if (edge.kind !== 'from' || edge.source.base.kind !== 'image') return undefined;
  return edge.source.base.resolved;
}

type NamedStage = Stage & { name: NonNullable<Stage['name']> };

/**
 * The single candidate stage within a small edit distance (1 for short names, 2 otherwise); none when
 * ambiguous. Bounded work: a file with thousands of stages compares each unknown name with each of them.
 */
function closestStage(key: string, stages: readonly NamedStage[], candidate: (s: Stage) => boolean): NamedStage | undefined {
  const max = key.length <= 4 ? 1 : 2;
  let best: NamedStage | undefined;
  let bestDistance = max + 1;
  let tie = false;
  // No candidate at distance 0 (the same name): then a tie at distance 1 can no longer be broken.
  const exact = stages.some((s) => s.name.key === key && candidate(s));
  for (const s of stages) {
    if (Math.abs(s.name.key.length - key.length) > max || !candidate(s)) continue;
    const d = boundedDistance(key, s.name.key, bestDistance);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best && best.name.key !== s.name.key) {
      tie = true;
      if (bestDistance === 1 && !exact) return undefined;
    }
  }
  return tie ? undefined : best;
}
