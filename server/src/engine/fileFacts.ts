/**
 * What the engine knows about files beside the Dockerfile. The engine is pure: the LSP and CLI adapters read
 * the file system and pass these facts in. `undefined` means "not known" (e.g. an untitled document), and
 * rules that need the fact stay silent then.
 */
export interface FileFacts {
  /**
   * The `.dockerignore` that applies to the build: `null` when the adapter checked and found none,
   * undefined when it could not check.
   */
  readonly dockerignore?: { readonly path: string; readonly content: string } | null;
  /** File names present in the Dockerfile's folder (the usual build context), when known. */
  readonly contextFiles?: readonly string[];
}
