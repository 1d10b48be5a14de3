/**
 * Stage navigation: go to definition (a reference → the stage's `AS name`), find references and document
 * highlight. Every reference kind counts: `FROM x`, `COPY --from=x`, `RUN --mount=…,from=x`, numeric
 * `--from=N`, `${VAR}` that resolves to a stage, and `--target x` in comments.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';
import { occurrencesOf, stageAnchor, stageOccurrenceAt } from '../analysis/stageOccurrences';

export function stageDefinition(model: DockerfileModel, pos: Position): Location[] {
  const occ = stageOccurrenceAt(model, pos);
  if (!occ) return [];
  return [{ uri: model.uri, range: stageAnchor(occ.stage) }];
}

export function stageReferences(model: DockerfileModel, pos: Position, includeDeclaration: boolean): Location[] {
  const occ = stageOccurrenceAt(model, pos);
  if (!occ) return [];
  const all = occurrencesOf(model, occ.stage);
  const refs = all.filter((o) => o.kind !== 'declaration');
  // A stage without a name has no declaration token; its FROM keyword stands for it.
  const declaration = occ.stage.name ? [] : [{ uri: model.uri, range: occ.stage.from.keywordRange }];
  const list = includeDeclaration ? all.map((o) => ({ uri: model.uri, range: o.range })).concat(declaration) : refs.map((o) => ({ uri: model.uri, range: o.range }));
  return list;
}

export function stageHighlights(model: DockerfileModel, pos: Position): DocumentHighlight[] {
  const occ = stageOccurrenceAt(model, pos);
  if (!occ) return [];
  return occurrencesOf(model, occ.stage).map((o) => ({
    range: o.range,
    kind: o.kind === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
