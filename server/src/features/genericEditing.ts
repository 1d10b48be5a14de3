/**
 * Generic Dockerfile editing from `dockerfile-language-service` (and its formatter from `dockerfile-utils`):
 * instruction/flag/variable completion with snippets, signature help, formatting, semantic tokens, document
 * links, and — as fallbacks where our stage features have nothing to say — variable hover, definition,
 * highlight and rename. The adapter exposes these only when no other Dockerfile language server is active
 * (setting `stagelint.editorFeatures`).
 *
 * Two deliberate departures from the package's `LanguageService` facade:
 * - We construct its feature classes directly so that its Docker Hub client (image-tag completion over HTTPS)
 *   is never instantiated or bundled: stagelint makes no network requests. Tag completion returns nothing.
 * - Each call hands the service the document text, which it parses again with its own copy of dockerfile-ast.
 *   That second parse is accepted for these generic features only; everything stage-related reads our model.
 */
import { DockerAssist } from 'dockerfile-language-service/lib/dockerAssist';
import { DockerCompletion } from 'dockerfile-language-service/lib/dockerCompletion';
import { DockerDefinition } from 'dockerfile-language-service/lib/dockerDefinition';
import { DockerHighlight } from 'dockerfile-language-service/lib/dockerHighlight';
import { DockerHover } from 'dockerfile-language-service/lib/dockerHover';
import { DockerLinks } from 'dockerfile-language-service/lib/dockerLinks';
import { MarkdownDocumentation } from 'dockerfile-language-service/lib/dockerMarkdown';
import { PlainTextDocumentation } from 'dockerfile-language-service/lib/dockerPlainText';
import type { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { DockerRename } from 'dockerfile-language-service/lib/dockerRename';
import { DockerSemanticTokens } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import { DockerSignatures } from 'dockerfile-language-service/lib/dockerSignatures';
import type { CompletionItemCapabilities } from 'dockerfile-language-service';
import { format, formatOnType, formatRange, type FormatterSettings } from 'dockerfile-utils';
import {
  MarkupKind,
  SemanticTokenModifiers,
  SemanticTokenTypes,
  type CompletionItem,
  type DocumentHighlight,
  type DocumentLink,
  type FormattingOptions,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SemanticTokens,
  type SemanticTokensLegend,
  type SignatureHelp,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { DockerfileModel } from '../analysis/model';

/** The token types and modifiers in the order `dockerSemanticTokens` numbers them (its `TokensLegend`). */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    SemanticTokenTypes.keyword, SemanticTokenTypes.comment, SemanticTokenTypes.parameter, SemanticTokenTypes.property,
    SemanticTokenTypes.namespace, SemanticTokenTypes.class, SemanticTokenTypes.macro, SemanticTokenTypes.string,
    SemanticTokenTypes.variable, SemanticTokenTypes.operator, SemanticTokenTypes.modifier,
  ],
  tokenModifiers: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.definition, SemanticTokenModifiers.deprecated],
};

/** Completion triggers the generic completion wants besides ours. */
export const GENERIC_COMPLETION_TRIGGERS = ['$', '-', '=', ' '];
export const SIGNATURE_TRIGGERS = ['-', '[', ',', ' ', '='];

/** Stands in for the Docker Hub client: no network, so no tag suggestions. */
const offlineRegistry = { getTags: async () => [] as string[] } as unknown as DockerRegistryClient;

const markdownDocs = new MarkdownDocumentation();
const plainTextDocs = new PlainTextDocumentation();

export function genericCompletion(model: DockerfileModel, pos: Position, caps: CompletionItemCapabilities = {}): CompletionItem[] | PromiseLike<CompletionItem[]> {
  try {
    return new DockerAssist(model.document, offlineRegistry, caps).computeProposals(pos);
  } catch {
    return [];
  }
}

export function resolveGenericCompletion(item: CompletionItem, documentationFormat: MarkupKind[] = [MarkupKind.Markdown]): CompletionItem {
  if (item.documentation) return item;
  try {
    return new DockerCompletion().resolveCompletionItem(item, documentationFormat);
  } catch {
    return item;
  }
}

export function signatureHelp(model: DockerfileModel, pos: Position): SignatureHelp | null {
  try {
    const help = new DockerSignatures().computeSignatures(model.text, pos);
    return help && help.signatures.length > 0 ? help : null;
  } catch {
    return null;
  }
}

export function semanticTokens(model: DockerfileModel): SemanticTokens {
  try {
    return new DockerSemanticTokens(model.text).computeSemanticTokens();
  } catch {
    return { data: [] };
  }
}

export function documentLinks(model: DockerfileModel): DocumentLink[] {
  try {
    return new DockerLinks().getLinks(model.text);
  } catch {
    return [];
  }
}

export function resolveDocumentLink(link: DocumentLink): DocumentLink {
  try {
    return new DockerLinks().resolveLink(link);
  } catch {
    return link;
  }
}

function formatterSettings(options: FormattingOptions): FormatterSettings {
  // Hand-formatted multi-line RUNs are left alone (users of every formatter ask for this).
  return { ...options, ignoreMultilineInstructions: true };
}

export function formatDocument(model: DockerfileModel, options: FormattingOptions): TextEdit[] {
  return guardedEdits(() => format(model.text, formatterSettings(options)));
}

export function formatDocumentRange(model: DockerfileModel, range: Range, options: FormattingOptions): TextEdit[] {
  return guardedEdits(() => formatRange(model.text, range, formatterSettings(options)));
}

export function formatOnTypeEdits(model: DockerfileModel, pos: Position, ch: string, options: FormattingOptions): TextEdit[] {
  return guardedEdits(() => formatOnType(model.text, pos, ch, formatterSettings(options)));
}

function guardedEdits(run: () => TextEdit[]): TextEdit[] {
  try {
    return run();
  } catch {
    return [];
  }
}

/** Variable hover (`$VAR` → its value), for positions our hover has no card for. */
export function genericHover(model: DockerfileModel, pos: Position, contentFormat: MarkupKind[] = [MarkupKind.Markdown]): Hover | null {
  try {
    return new DockerHover(markdownDocs, plainTextDocs).onHover(model.text, pos, contentFormat);
  } catch {
    return null;
  }
}

/** ARG/ENV and heredoc-delimiter definitions. */
export function genericDefinition(model: DockerfileModel, pos: Position): Location[] {
  try {
    const loc = new DockerDefinition().computeDefinition({ uri: model.uri }, model.text, pos);
    return loc ? [loc] : [];
  } catch {
    return [];
  }
}

export function genericHighlights(model: DockerfileModel, pos: Position): DocumentHighlight[] {
  try {
    return new DockerHighlight().computeHighlightRanges(model.text, pos);
  } catch {
    return [];
  }
}

export function genericPrepareRename(model: DockerfileModel, pos: Position): Range | null {
  try {
    return new DockerRename().prepareRename(model.text, pos);
  } catch {
    return null;
  }
}

export function genericRename(model: DockerfileModel, pos: Position, newName: string): TextEdit[] {
  return guardedEdits(() => new DockerRename().rename({ uri: model.uri }, model.text, pos, newName));
}
