/**
 * Every editor feature over the real-world corpus (shared/corpus, ~230 Dockerfiles): nothing throws, ranges
 * stay inside the document, renaming any named stage keeps every reference resolving to the same stage, and
 * every stage reference has a stage card and references. (Speed is measured by the benchmarks in bench/, never here.)
 */
import { describe, expect, it } from 'vitest';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { codeLenses } from '../../server/src/features/codeLens';
import { completion } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { stageReferences } from '../../server/src/features/navigation';
import { renameStage } from '../../server/src/features/rename';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { stageGraph } from '../../server/src/features/stageGraph';
import { stageKnowledge } from '../../server/src/features/stageKnowledge';
import { corpusFiles } from '../support/corpus';

const models: DockerfileModel[] = corpusFiles().map(({ name, text }) => buildModel(text, { uri: `file:///${name}` }));
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

function inside(model: DockerfileModel, range: Range): boolean {
  const last = model.document.lineCount - 1;
  return range.start.line >= 0 && range.end.line <= last && (range.start.line < range.end.line || range.start.character <= range.end.character);
}

function apply(model: DockerfileModel, edits: readonly TextEdit[]): string {
  let text = model.text;
  for (const e of [...edits].sort((a, b) => model.document.offsetAt(b.range.start) - model.document.offsetAt(a.range.start))) {
    text = text.slice(0, model.document.offsetAt(e.range.start)) + e.newText + text.slice(model.document.offsetAt(e.range.end));
  }
  return text;
}

describe('editor features over the corpus', () => {
  it('covers a multi-stage corpus', () => {
    expect(models.length).toBeGreaterThan(200);
    expect(models.filter((m) => m.stages.length > 1).length).toBeGreaterThan(50);
  });

  it('never throws and keeps every range inside the document', () => {
    const bad: string[] = [];
    for (const m of models) {
      const ranges: Range[] = [
        ...documentSymbols(m).flatMap((s) => [s.range, s.selectionRange, ...(s.children ?? []).map((c) => c.range)]),
        ...codeLenses(m).map((l) => l.range),
        ...inlayHints(m, WHOLE).map((h) => ({ start: h.position, end: h.position })),
        ...selectionRanges(m, m.instructions.map((i) => i.range.start)).map((s) => s.range),
      ];
      for (const f of foldingRanges(m)) if (f.endLine < f.startLine || f.endLine >= m.document.lineCount) bad.push(`${m.uri} fold ${f.startLine}-${f.endLine}`);
      for (const r of ranges) if (!inside(m, r)) bad.push(`${m.uri} ${JSON.stringify(r)}`);
      const graph = stageGraph(m);
      expect(graph.nodes).toHaveLength(m.stages.length);
      for (const i of m.instructions) completion(m, i.range.end);
    }
    expect(bad).toEqual([]);
  });

  it('renaming any named stage keeps every reference on the same stage', () => {
    const broken: string[] = [];
    let renamed = 0;
    for (const m of models) {
      for (const stage of m.stages) {
        if (!stage.name || m.stagesNamed(stage.name.key).length > 1) continue;
        const result = renameStage(m, stage.name.range.start, `${stage.name.key}-renamed`);
        if ('error' in result) continue;
        renamed++;
        const after = buildModel(apply(m, result.edit.changes![m.uri]!), { uri: m.uri });
        const targets = (x: DockerfileModel) => x.edges.map((e) => e.target?.index ?? -1).join(',');
        if (after.stages.length !== m.stages.length || targets(after) !== targets(m)) broken.push(`${m.uri} ${stage.label}`);
      }
    }
    expect(renamed).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('hovers and finds references for every stage reference', () => {
    let hovers = 0;
    for (const m of models) {
      for (const edge of m.edges) {
        if (!edge.target || edge.onbuild) continue;
        const h = hover(m, edge.range.start, { referenceDocs: true, peerActive: false, sources: stageKnowledge });
        expect((h?.contents as { value: string }).value).toContain(`Stage`);
        expect(stageReferences(m, edge.range.start, true).length).toBeGreaterThan(0);
        hovers++;
      }
    }
    expect(hovers).toBeGreaterThan(100);
  });
});
