/**
 * Editor features (hover, navigation, symbols, completion, …) plugged into the server core.
 * `editorCapabilities` is merged into the initialize result; `registerEditorFeatures` installs the handlers
 * once the server context exists. Each handler lives in `handlers/<method>.ts` and calls a pure feature.
 *
 * Capabilities are fixed at initialize, before settings can be pulled: the generic features of
 * dockerfile-language-service are advertised from the start-up choice (`initializationOptions.editorFeatures`,
 * else `auto`), and every generic handler re-checks the current setting, so switching to `stagesOnly` takes
 * effect at once while switching a hidden feature on needs a server restart.
 */
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import type { Settings } from '../../../shared/src/settings';
import { GENERIC_COMPLETION_TRIGGERS, SEMANTIC_TOKENS_LEGEND, SIGNATURE_TRIGGERS } from '../features/genericEditing';
import { editorMode } from './editorMode';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerCompletionResolve } from './handlers/completionResolve';
import { registerDefinition } from './handlers/definition';
import { registerDocumentHighlight } from './handlers/documentHighlight';
import { registerDocumentLink } from './handlers/documentLink';
import { registerDocumentLinkResolve } from './handlers/documentLinkResolve';
import { registerDocumentSymbol } from './handlers/documentSymbol';
import { registerFoldingRange } from './handlers/foldingRange';
import { registerFormatting } from './handlers/formatting';
import { registerHover } from './handlers/hover';
import { registerInlayHint } from './handlers/inlayHint';
import { registerOnTypeFormatting } from './handlers/onTypeFormatting';
import { registerPrepareRename } from './handlers/prepareRename';
import { registerRangeFormatting } from './handlers/rangeFormatting';
import { registerReferences } from './handlers/references';
import { registerRename } from './handlers/rename';
import { registerSelectionRange } from './handlers/selectionRange';
import { registerSemanticTokens } from './handlers/semanticTokens';
import { registerSignatureHelp } from './handlers/signatureHelp';
import { registerStageGraph } from './handlers/stageGraph';
import { registerWorkspaceSymbol } from './handlers/workspaceSymbol';
import type { InitializationOptions, ServerContext } from './serverContext';

export interface EditorCapabilitiesContext {
  readonly clientCapabilities: ClientCapabilities;
  readonly initializationOptions: InitializationOptions;
  readonly settings?: Settings;
}

/** Characters after which stage names (`--from=`, `from=`, `FROM `) and rule ids (`, `) are offered. */
const STAGE_COMPLETION_TRIGGERS = ['=', ' ', ','];

export function editorCapabilities(ctx: EditorCapabilitiesContext): Partial<ServerCapabilities> {
  const mode = editorMode(ctx.settings?.editorFeatures ?? ctx.initializationOptions.editorFeatures, ctx.initializationOptions);
  const stageFeatures: Partial<ServerCapabilities> = {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: { label: 'stagelint' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
    completionProvider: {
      triggerCharacters: mode.generic ? [...new Set([...STAGE_COMPLETION_TRIGGERS, ...GENERIC_COMPLETION_TRIGGERS])] : STAGE_COMPLETION_TRIGGERS,
      resolveProvider: mode.generic,
    },
  };
  if (!mode.generic) return stageFeatures;
  return {
    ...stageFeatures,
    signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    documentLinkProvider: { resolveProvider: true },
  };
}

export function registerEditorFeatures(ctx: ServerContext): void {
  registerHover(ctx);
  registerDefinition(ctx);
  registerReferences(ctx);
  registerDocumentHighlight(ctx);
  registerPrepareRename(ctx);
  registerRename(ctx);
  registerDocumentSymbol(ctx);
  registerFoldingRange(ctx);
  registerSelectionRange(ctx);
  registerWorkspaceSymbol(ctx);
  registerCodeLens(ctx);
  registerInlayHint(ctx);
  registerCompletion(ctx);
  registerCompletionResolve(ctx);
  registerStageGraph(ctx);
  registerSignatureHelp(ctx);
  registerFormatting(ctx);
  registerRangeFormatting(ctx);
  registerOnTypeFormatting(ctx);
  registerSemanticTokens(ctx);
  registerDocumentLink(ctx);
  registerDocumentLinkResolve(ctx);
}
