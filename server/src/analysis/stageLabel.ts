/**
 * How a stage is named to users, in one place: hover, code lens, inlay hints, the stage graph, symbols and rule
 * messages all print `Stage.label` (set by `buildModel` with `stageLabel`), or `stagePhrase` in a sentence.
 *
 * A named stage is its `AS` name. An unnamed stage is `stage <index> on line <n>`: the index is the one
 * `COPY --from=<index>` uses and `docker build` prints (`[stage-1 2/4]`), both counting from 0, and the line
 * finds it without counting. The last stage, when unnamed, is `final stage on line <n>`: it is what a plain
 * `docker build` produces, which says more than its index.
 */
import type { Stage } from './model';

/** The display label of a stage: its name, `stage <index> on line <n>`, or `final stage on line <n>`. */
export function stageLabel(name: string | null | undefined, index: number, fromLine: number, isLast: boolean): string {
  if (name) return name;
  const line = fromLine + 1;
  return isLast ? `final stage on line ${line}` : `stage ${index} on line ${line}`;
}

/**
 * The stage as a noun phrase for a sentence: `stage 'builder'`, `stage 1 on line 8`, `the final stage on line 12`.
 * Names are quoted (identifiers in messages are); the labels of unnamed stages are words, not identifiers.
 */
export function stagePhrase(stage: Stage): string {
  if (stage.name) return `stage '${stage.label}'`;
  return stage.label.startsWith('final ') ? `the ${stage.label}` : stage.label;
}

/** `text` with its first letter upper-cased, for a `stagePhrase` that starts a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
