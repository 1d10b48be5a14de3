/**
 * Inlay hints that explain stage references:
 * - `--from=0` / `from=1` → the stage's name (or its base image when it has none);
 * - `FROM ${IMAGE}` → the value the global ARGs give it;
 * - after the FROM line of a stage no build target uses: "separate target" when it is built on its own with
 *   `--target` (see analysis/stageReachability.ts), else "unreachable".
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../analysis/model';
import { reachState } from '../analysis/stageReachability';
import { baseDescription } from './stageLabels';

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || a.start.line > b.end.line);
}

function describe(stage: Stage): string {
  if (stage.name) return stage.name.text;
  const base = baseDescription(stage);
  return base ? `${stage.label} (${base})` : stage.label;
}

export function inlayHints(model: DockerfileModel, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const edge of model.edges) {
    if (!overlaps(edge.range, range)) continue;
    if (edge.by === 'index' && edge.target) {
      hints.push({ position: edge.range.end, label: `→ ${describe(edge.target)}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `Stage index ${edge.target.index} (stages count from 0): ${describe(edge.target)}` });
    } else if (edge.kind === 'from' && edge.text.includes('$')) {
      const value = edge.target ? edge.target.label : edge.source.base.kind === 'image' ? edge.source.base.resolved : undefined;
      if (value !== undefined) {
        hints.push({ position: edge.range.end, label: `= ${value}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: 'Value after global ARG expansion (defaults; --build-arg may override)' });
      }
    }
  }
  for (const stage of model.stages) {
    const reach = reachState(model, stage);
    if (reach === 'reached' || !overlaps(stage.from.range, range)) continue;
    const names = model.targets.map((t) => t.label).join(', ');
    const tooltip =
      reach === 'deliberate-target'
        ? `No build target (${names}) uses this stage; it is built on its own${stage.name ? ` with docker build --target ${stage.name.text}` : ' with --target'}`
        : `No build target (${names}) uses this stage; docker build skips it`;
    hints.push({ position: stage.from.range.end, label: reach === 'deliberate-target' ? 'separate target' : 'unreachable', paddingLeft: true, tooltip });
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
