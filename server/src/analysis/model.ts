/**
 * The data model every feature reads: one `DockerfileModel` per document version, built once by
 * `buildModel()`. Rules, hover, navigation, code actions and the CLI query it; none of them re-parses.
 * Ranges are LSP-shaped (0-based lines and characters).
 */
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Scope } from './args';
import type { SuppressionIndex } from './suppressions';

export interface Token {
  readonly value: string;
  readonly range: Range;
}

export interface FlagOptionInfo {
  readonly name: string;
  readonly value: string | null;
  readonly range: Range;
  readonly valueRange: Range | null;
}

export interface FlagInfo {
  /** Flag name without the leading dashes, as written (BuildKit flag names are case-sensitive). */
  readonly name: string;
  readonly value: string | null;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range | null;
  /** `key=value` options of flags such as `--mount=type=cache,target=/x`. */
  readonly options: readonly FlagOptionInfo[];
}

export interface HeredocInfo {
  readonly name: string;
  /** The body text, without the start and end marker lines. */
  readonly content: string;
  /** Range of the body; null for an empty body. */
  readonly contentRange: Range | null;
}

export interface Instr {
  /** Position in `model.instructions` (file order). */
  readonly index: number;
  /** Upper-cased keyword (`RUN`, `COPY`, …). */
  readonly keyword: string;
  /** The keyword exactly as written (for casing rules and style-preserving edits). */
  readonly keywordText: string;
  readonly keywordRange: Range;
  /** Whole instruction, continuation lines and heredoc bodies included. */
  readonly range: Range;
  /** The dockerfile-ast node, for instruction-specific queries. */
  readonly node: Instruction;
  /** The stage this instruction belongs to; undefined for global ARGs before the first FROM. */
  readonly stage: Stage | undefined;
  /** Flags such as `--from`, `--mount`, `--chown` (empty for instructions without flags). */
  readonly flags: readonly FlagInfo[];
  /** Arguments after the flags. For RUN/CMD/… shell form these are whitespace-separated words. */
  readonly args: readonly Token[];
  readonly heredocs: readonly HeredocInfo[];
  /** For `ONBUILD <trigger>`: the trigger instruction. */
  readonly trigger?: Instr;
  flag(name: string): FlagInfo | undefined;
}

export interface ArgDecl {
  readonly name: string;
  /** Default value as written (unexpanded), without the quotes around a fully quoted value; undefined when the ARG has no default. */
  readonly defaultValue: string | undefined;
  /** The default exactly as written (quotes and escapes kept), for evaluation the way BuildKit's word lexer does. */
  readonly rawDefault?: string;
  readonly instr: Instr;
  readonly nameRange: Range;
}

export type BaseRef =
  | { readonly kind: 'stage'; readonly stage: Stage; readonly text: string; readonly range: Range }
  | { readonly kind: 'scratch'; readonly text: string; readonly range: Range }
  | {
      readonly kind: 'image';
      /** The image reference as written in the FROM line. */
      readonly text: string;
      /** The reference after global ARG expansion; undefined when a variable cannot be resolved. */
      readonly resolved: string | undefined;
      /** Parsed from `resolved` (or `text` when it has no variables). */
      readonly name: string | undefined;
      readonly tag: string | undefined;
      readonly digest: string | undefined;
      /** Variables in the reference that no global ARG declares. */
      readonly undefinedVars: readonly string[];
      readonly range: Range;
    }
  | { readonly kind: 'missing'; readonly range: Range };

export interface StageName {
  readonly text: string;
  /** Lower-cased: BuildKit compares stage names case-insensitively. */
  readonly key: string;
  readonly range: Range;
}

export interface Stage {
  readonly index: number;
  readonly name: StageName | undefined;
  readonly from: Instr;
  readonly base: BaseRef;
  /** Instructions of the stage after its FROM. */
  readonly instructions: readonly Instr[];
  /** From the FROM line to the end of its last instruction. */
  readonly range: Range;
  /** ARGs declared inside the stage. */
  readonly args: readonly ArgDecl[];
  /** The stage this one is built `FROM`, when its base is an earlier stage. */
  readonly parent: Stage | undefined;
  /** What users read: the name, or `stage <index> on line <n>` / `final stage on line <n>` when unnamed (see `stageLabel.ts`). */
  readonly label: string;
}

export type EdgeKind = 'from' | 'copy-from' | 'mount-from';

export interface StageEdge {
  readonly kind: EdgeKind;
  /** The stage containing the reference. */
  readonly source: Stage;
  /** The referenced stage, when the reference resolves to one. */
  readonly target: Stage | undefined;
  /** The reference text as written (`builder`, `0`, `${IMG}`, `alpine:3.19`). */
  readonly text: string;
  /**
   * How it resolved: a stage name or index, an external image, or (for `--from` with variables)
   * something only known at build time.
   */
  readonly by: 'name' | 'index' | 'image' | 'variable';
  /** The reference points at a later stage (legal for COPY --from / mount from= in BuildKit). */
  readonly forward: boolean;
  readonly instr: Instr;
  /** Exact range of the reference text. */
  readonly range: Range;
  /** True when the reference sits inside an ONBUILD trigger (runs in child images, not this build). */
  readonly onbuild: boolean;
}

export interface Directive {
  /** Lower-cased directive name: `syntax`, `escape`, `check`. */
  readonly name: string;
  readonly value: string;
  readonly range: Range;
}

export interface CommentInfo {
  readonly text: string;
  readonly range: Range;
}

export interface DockerfileModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly document: TextDocument;
  /** Undefined only when dockerfile-ast threw on this input (see `parseError`). */
  readonly ast: Dockerfile | undefined;
  readonly parseError: string | undefined;
  readonly escapeChar: '\\' | '`';
  /** Line endings of the file, for style-preserving edits. */
  readonly eol: '\n' | '\r\n';
  readonly directives: readonly Directive[];
  /** First line after the parser-directive block: where file-level comments may be inserted. */
  readonly directiveBlockEnd: number;
  readonly comments: readonly CommentInfo[];
  readonly instructions: readonly Instr[];
  readonly globalArgs: readonly ArgDecl[];
  readonly stages: readonly Stage[];
  readonly edges: readonly StageEdge[];
  /** Targets the build may be started with: the last stage plus configured `targets` that exist. */
  readonly targets: readonly Stage[];
  readonly suppressions: SuppressionIndex;
  /** Stage cycles (each cycle lists its stages once, in reference order). */
  readonly cycles: readonly (readonly Stage[])[];

  stageByName(name: string): Stage | undefined;
  /** All stages carrying `name` (case-insensitive), in file order; more than one means a duplicate. */
  stagesNamed(name: string): readonly Stage[];
  stageAt(position: Position): Stage | undefined;
  instructionAt(position: Position): Instr | undefined;
  referencesTo(stage: Stage): readonly StageEdge[];
  edgesFrom(stage: Stage): readonly StageEdge[];
  isReachable(stage: Stage): boolean;
  /** The final image chain: each target stage followed by the stages it inherits from via `FROM <stage>`. */
  finalChain(target?: Stage): readonly Stage[];
  /** Value of a global ARG as seen by FROM lines (after expansion), undefined when unknown. */
  globalArgValue(name: string): string | undefined;
  /**
   * The ARG/ENV scope an instruction sees: the global scope for FROM lines, global ARGs and `undefined`, else its
   * stage's scope just before it. Built once per stage and declaration (rules ask once per word), so it is shared:
   * never modify it.
   */
  scopeAt(at: Instr | undefined): Scope;
  /** The scope of `stage` just before `at` (at its end without `at`); memoised like `scopeAt`. */
  stageScopeAt(stage: Stage, at: Instr | undefined): Scope;
  /** Expands `$VAR`/`${VAR}` (with `:-`/`:+` modifiers) in `text` with the scope `scopeAt(at)`. */
  expand(text: string, at: Instr | undefined): { value: string; unresolved: string[] };
  textOf(range: Range): string;
}
