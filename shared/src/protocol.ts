/** Custom protocol between the client and the server: command ids, code action kinds, custom requests. */

export const COMMANDS = {
  restartServer: 'stagelint.restartServer',
  showOutput: 'stagelint.showOutput',
  fixAll: 'stagelint.fixAll',
  buildStage: 'stagelint.buildStage',
  revealRange: 'stagelint.revealRange',
  showStageGraph: 'stagelint.showStageGraph',
} as const;

/**
 * Commands the server executes (`workspace/executeCommand`). Distinct from the client's command ids: the VS Code
 * client registers every server command under its own id, so sharing one would clash with the client command.
 */
export const SERVER_COMMANDS = {
  /** Arguments: `{ uri: string, version?: number }` (or the uri alone); applies every safe fix via `workspace/applyEdit`. */
  applyAllFixes: 'stagelint.applyAllFixes',
} as const;

export const CODE_ACTION_KINDS = {
  quickfix: 'quickfix',
  ignoreInstruction: 'quickfix.stagelint.ignore.instruction',
  ignoreStage: 'quickfix.stagelint.ignore.stage',
  ignoreFile: 'quickfix.stagelint.ignore.file',
  fixAll: 'source.fixAll.stagelint',
  refactorExtract: 'refactor.extract',
  refactorRewrite: 'refactor.rewrite',
} as const;

/** Argument of `stagelint.buildStage` (code lens, hover link): the client runs `docker build [--target stage]`. */
export interface BuildStageArgs {
  readonly uri: string;
  /** Stage name for `--target`; null for an unnamed last stage (plain `docker build`). */
  readonly stage: string | null;
  readonly index: number;
}

/** Arguments of `stagelint.revealRange` (hover links, graph view): `[uri, range]` with an LSP range. */
export type RevealRangeArgs = readonly [uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }];

/** `stagelint/stageGraph`: the stage graph of one document, for the graph view. */
export const STAGE_GRAPH_REQUEST = 'stagelint/stageGraph';

export interface StageGraphParams {
  readonly uri: string;
}

export interface StageGraphNode {
  readonly id: number;
  readonly label: string;
  readonly base: string;
  readonly line: number;
  readonly isTarget: boolean;
  /**
   * `reached`: a build target uses the stage; `deliberate-target`: no build target uses it, but it is built on its
   * own with `--target` (a `test` stage, a second image, …) or used by such a stage; `unreachable`: dead code.
   */
  readonly reach: 'reached' | 'deliberate-target' | 'unreachable';
}

/** A dependency: stage `from` is used by stage `to` (data flows from → to). */
export interface StageGraphEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: 'from' | 'copy-from' | 'mount-from';
  readonly line: number;
}

export interface StageGraph {
  readonly uri: string;
  readonly nodes: readonly StageGraphNode[];
  readonly edges: readonly StageGraphEdge[];
}
