/**
 * Where stages are named in a document: the `AS name` declaration and every reference the model resolved to a
 * stage (`FROM x`, `COPY --from=x`, `RUN --mount=…,from=x`, numeric `--from=N`), plus `--target x` mentions in
 * comments (`# docker build --target runtime .`). Definition, references, highlight, rename (the editor's and the
 * stage-renaming fixes') and hover all start here, so they agree on what "a reference to this stage" is.
 *
 * References inside ONBUILD triggers are left out: they run in child images, whose stages are not this file's.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Stage, StageEdge } from './model';
import { contains } from './ranges';

export type OccurrenceKind = 'declaration' | 'from' | 'copy-from' | 'mount-from' | 'comment';

export interface StageOccurrence {
  readonly stage: Stage;
  readonly kind: OccurrenceKind;
  readonly range: Range;
  /** `name`: the stage's name as written (renamable); `index`: a numeric `--from=N`; `expression`: `${VAR}` that resolves to the stage. */
  readonly by: 'name' | 'index' | 'expression';
  readonly edge?: StageEdge;
}

function edgeOccurrence(edge: StageEdge): StageOccurrence | undefined {
  if (!edge.target || edge.onbuild) return undefined;
  const by = edge.by === 'index' ? 'index' : edge.text.includes('$') ? 'expression' : 'name';
  return { stage: edge.target, kind: edge.kind, range: edge.range, by, edge };
}

const TARGET_IN_COMMENT = /--target(?:=|\s+)([A-Za-z0-9][A-Za-z0-9_.-]*)/g;

function commentOccurrences(model: DockerfileModel): StageOccurrence[] {
  const found: StageOccurrence[] = [];
  for (const comment of model.comments) {
    for (const m of comment.text.matchAll(TARGET_IN_COMMENT)) {
      const name = m[1]!;
      const stage = model.stageByName(name);
      if (!stage) continue;
      const start = comment.range.start.character + m.index! + m[0].length - name.length;
      const line = comment.range.start.line;
      found.push({ stage, kind: 'comment', by: 'name', range: { start: { line, character: start }, end: { line, character: start + name.length } } });
    }
  }
  return found;
}

const cache = new ObjectMemo<DockerfileModel, readonly StageOccurrence[]>();

/** Every occurrence of every stage, in document order (computed once per model). */
function allOccurrences(model: DockerfileModel): readonly StageOccurrence[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const result: StageOccurrence[] = [];
  for (const stage of model.stages) {
    if (stage.name) result.push({ stage, kind: 'declaration', by: 'name', range: stage.name.range });
  }
  for (const edge of model.edges) {
    const occ = edgeOccurrence(edge);
    if (occ) result.push(occ);
  }
  result.push(...commentOccurrences(model));
  result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  cache.set(model, result);
  return result;
}

/** The occurrence under the cursor (the end of a word counts, as editors place the caret after it). */
export function stageOccurrenceAt(model: DockerfileModel, pos: Position): StageOccurrence | undefined {
  return allOccurrences(model).find((o) => contains(o.range, pos));
}

/** Declaration and references of one stage. */
export function occurrencesOf(model: DockerfileModel, stage: Stage): StageOccurrence[] {
  return allOccurrences(model).filter((o) => o.stage === stage);
}

/** The range that stands for a stage when jumping to it: its name, or the FROM keyword of an unnamed stage. */
export function stageAnchor(stage: Stage): Range {
  return stage.name?.range ?? stage.from.keywordRange;
}

/** The reference text under the cursor when it is no stage, e.g. `FROM alpine` or `--from=nginx:1` (for messages). */
export function imageReferenceAt(model: DockerfileModel, pos: Position): StageEdge | undefined {
  return model.edges.find((e) => !e.target && contains(e.range, pos));
}
