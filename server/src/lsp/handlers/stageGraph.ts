/** `stagelint/stageGraph`: the graph view's data for one open document. */
import { STAGE_GRAPH_REQUEST, type StageGraph, type StageGraphParams } from '../../../../shared/src/protocol';
import { stageGraph } from '../../features/stageGraph';
import type { ServerContext } from '../serverContext';

export function registerStageGraph(ctx: ServerContext): void {
  ctx.connection.onRequest(STAGE_GRAPH_REQUEST, (params: StageGraphParams): StageGraph | null => {
    const model = ctx.getModel(params.uri);
    return model ? stageGraph(model) : null;
  });
}
