/**
 * The one guarded entry into dockerfile-ast. The parser has thrown on malformed heredocs and odd escape
 * sequences in the past; a throw here must never take the server or the CLI down, so every parse goes through
 * `safeParse`, which reports the failure as data for the `dockerfile-syntax` rule to show. The parse is
 * dockerfile-ast's, without its repeated argument scans (see `astParser.ts`).
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDockerfile } from './astParser';

export interface ParseResult {
  readonly ast: Dockerfile | undefined;
  readonly error: string | undefined;
}

/**
 * `document`, when given, holds `text` and becomes the tree's document (one line table per model); `previous` is
 * the tree of an earlier version of the same document, whose unchanged instructions are reused.
 */
export function safeParse(text: string, document?: TextDocument, previous?: Dockerfile): ParseResult {
  try {
    return { ast: parseDockerfile(text, document, previous), error: undefined };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ast: undefined, error: message || 'the Dockerfile parser failed on this input' };
  }
}

/** Runs a query against the AST that may itself throw on malformed input; returns `fallback` instead. */
export function guarded<T>(query: () => T, fallback: T): T {
  try {
    return query();
  } catch {
    return fallback;
  }
}
