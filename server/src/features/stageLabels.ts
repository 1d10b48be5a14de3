/** How editor features name a stage and what it is built on, so the outline, graph, hints and symbols agree. */
import type { Stage } from '../analysis/model';

/** The name a stage is listed under (outline, breadcrumbs, workspace symbols): its label, see `analysis/stageLabel.ts`. */
export function stageDisplayName(stage: Stage): string {
  return stage.label;
}

/** What a stage is built on, for details and hints: like `baseLabel`, with `FROM ` before a parent stage. */
export function baseDescription(stage: Stage): string {
  return stage.base.kind === 'stage' ? `FROM ${baseLabel(stage)}` : baseLabel(stage);
}

/** What `FROM` names: the image (after global ARG expansion), the parent stage's label, `scratch`, or '' when missing. */
export function baseLabel(stage: Stage): string {
  switch (stage.base.kind) {
    case 'image':
      return stage.base.resolved ?? stage.base.text;
    case 'stage':
      return stage.base.stage.label;
    case 'scratch':
      return 'scratch';
    default:
      return '';
  }
}
