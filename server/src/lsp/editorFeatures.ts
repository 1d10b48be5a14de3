/**
 * Editor features (hover, navigation, symbols, completion, …) plugged into the server core.
 * `editorCapabilities` is merged into the initialize result; `registerEditorFeatures` installs the handlers
 * once the server context exists.
 */
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import type { Settings } from '../../../shared/src/settings';
import type { InitializationOptions, ServerContext } from './serverContext';

export interface EditorCapabilitiesContext {
  readonly clientCapabilities: ClientCapabilities;
  readonly initializationOptions: InitializationOptions;
  readonly settings?: Settings;
}

export function editorCapabilities(_ctx: EditorCapabilitiesContext): Partial<ServerCapabilities> {
  return {};
}

export function registerEditorFeatures(_ctx: ServerContext): void {
  // Filled in by the editor features.
}
