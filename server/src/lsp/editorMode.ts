/**
 * Which editor features this server offers, from `stagelint.editorFeatures` and whether the client saw another
 * Dockerfile language server (Microsoft's Container Tools / Docker extension, Docker DX):
 * - `all`: our stage features, reference cards, and the generic editing features of dockerfile-language-service;
 * - `auto` (default): like `all` when no other server is active; otherwise only what the other server lacks
 *   (stage features, cards for flags it does not document), so the user never sees a feature twice;
 * - `stagesOnly`: only the stage features (hover on stages and ignore comments, navigation, outline, …).
 */
import type { EditorFeatures, Settings } from '../../../shared/src/settings';
import type { InitializationOptions, ServerContext } from './serverContext';

export interface EditorMode {
  /** Generic editing from dockerfile-language-service (completion of instructions, formatting, tokens, …). */
  readonly generic: boolean;
  /** Instruction/flag reference cards on hover. */
  readonly referenceDocs: boolean;
  /** Another Dockerfile server shows instruction cards already: leave those to it. */
  readonly peerActive: boolean;
}

export function editorMode(setting: EditorFeatures | undefined, init: InitializationOptions): EditorMode {
  const peer = init.otherDockerServerActive === true;
  switch (setting ?? 'auto') {
    case 'all':
      return { generic: true, referenceDocs: true, peerActive: false };
    case 'stagesOnly':
      return { generic: false, referenceDocs: false, peerActive: peer };
    default:
      return { generic: !peer, referenceDocs: true, peerActive: peer };
  }
}

/** The mode for one document, with its current settings (falls back to the start-up choice). */
export async function modeFor(ctx: ServerContext, uri: string): Promise<EditorMode> {
  let settings: Settings | undefined;
  try {
    settings = await ctx.getSettings(uri);
  } catch {
    settings = undefined;
  }
  return editorMode(settings?.editorFeatures ?? ctx.initializationOptions.editorFeatures, ctx.initializationOptions);
}
