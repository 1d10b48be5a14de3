/**
 * Hierarchical outline: one symbol per stage (its instructions as children), and the global ARGs before the
 * first FROM as their own group. This is what the outline view, breadcrumbs and sticky scroll show.
 */
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { reachState, reachStateLabel } from '../analysis/stageReachability';
import { inferStageRole, stageRoleLabel } from '../analysis/stageRole';
import { baseDescription, stageDisplayName } from './stageLabels';
import { stageAnchor } from '../analysis/stageOccurrences';

const MAX_DETAIL = 60;

function oneLine(text: string): string {
  const flat = text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat;
}

function instructionKind(keyword: string): SymbolKind {
  switch (keyword) {
    case 'ARG':
    case 'ENV':
      return SymbolKind.Variable;
    case 'LABEL':
      return SymbolKind.Property;
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
      return SymbolKind.Event;
    case 'COPY':
    case 'ADD':
      return SymbolKind.File;
    case 'EXPOSE':
      return SymbolKind.Interface;
    default:
      return SymbolKind.Function;
  }
}

function instructionSymbol(model: DockerfileModel, instr: Instr): DocumentSymbol {
  const rest = model.textOf({ start: instr.keywordRange.end, end: instr.range.end });
  return {
    name: instr.keyword,
    detail: oneLine(rest.split(/\r?\n/).slice(0, 4).join('\n')),
    kind: instructionKind(instr.keyword),
    range: instr.range,
    selectionRange: instr.keywordRange,
  };
}

function stageSymbol(model: DockerfileModel, stage: Stage): DocumentSymbol {
  const role = stageRoleLabel(inferStageRole(model, stage));
  const reachLabel = reachStateLabel(reachState(model, stage));
  const reach = reachLabel ? ` · ${reachLabel}` : '';
  return {
    name: stageDisplayName(stage),
    detail: `${role} · ${baseDescription(stage)}${reach}`,
    kind: SymbolKind.Class,
    range: stage.range,
    selectionRange: stageAnchor(stage),
    children: stage.instructions.map((i) => instructionSymbol(model, i)),
  };
}

function span(instrs: readonly Instr[]): Range {
  return { start: instrs[0]!.range.start, end: instrs[instrs.length - 1]!.range.end };
}

export function documentSymbols(model: DockerfileModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const globals = model.instructions.filter((i) => !i.stage);
  if (globals.length > 0) {
    const range = span(globals);
    symbols.push({
      name: 'global ARGs',
      detail: globals.flatMap((i) => i.args.map((a) => a.value.split('=')[0])).join(', '),
      kind: SymbolKind.Namespace,
      range,
      selectionRange: globals[0]!.keywordRange,
      children: globals.map((i) => instructionSymbol(model, i)),
    });
  }
  for (const stage of model.stages) symbols.push(stageSymbol(model, stage));
  return symbols;
}

/** Flat symbol list for clients without hierarchical support. */
export function flatSymbols(model: DockerfileModel): SymbolInformation[] {
  const at = (range: Range) => ({ uri: model.uri, range });
  return documentSymbols(model).flatMap((s) => [
    { name: s.name, kind: s.kind, location: at(s.range) },
    ...(s.children ?? []).map((c) => ({ name: c.name, kind: c.kind, location: at(c.range), containerName: s.name })),
  ]);
}
