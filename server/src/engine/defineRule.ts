/**
 * `defineRule` — one rule = one file with its identity, metadata, messages, docs, examples, check and fixes.
 * Everything else (registry, docs pages, config schema, SARIF rules, package.json enum, hover on ignore
 * comments) is derived from what is declared here. Metadata is validated when the module loads.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Category, FixSafety, RuleSource, Severity, Stability } from '../../../shared/src/ruleTypes';
import type { DockerfileModel } from '../analysis/model';
import type { FileCreation, ProblemTag, RelatedInfo } from './problem';
import type { FileFacts } from './fileFacts';
import type { SuppressionUsage } from './lint';

export interface RuleDocs {
  /** One sentence: what the rule checks. Shown in hover, SARIF and the docs index. */
  readonly summary: string;
  /** Markdown: why it matters, the consequence the user will hit. */
  readonly rationale: string;
  /** Markdown: when the fix is safe, and what it may change. */
  readonly fixSafety?: string;
  /** Dockerfiles that must raise (invalid) or must not raise (valid) this rule; run as tests automatically. */
  readonly examples: { readonly invalid: readonly string[]; readonly valid: readonly string[] };
  /** File facts the examples are checked with (rules that read `.dockerignore` or the context's file names). */
  readonly exampleFiles?: FileFacts;
  /** Ids of rules worth reading next (the generated page links them; default: the rest of the category). */
  readonly related?: readonly string[];
}

export interface RuleMeta<M extends string> {
  readonly category: Category;
  readonly defaultSeverity: Severity;
  readonly recommended: boolean;
  /** The most a fix of this rule may be: a fix's safety may not exceed it. */
  readonly fix: FixSafety;
  readonly since: string;
  readonly stability: Stability;
  readonly sources: readonly RuleSource[];
  readonly messages: Readonly<Record<M, string>>;
  readonly docs: RuleDocs;
}

/** JSON-schema-described options with defaults; the engine validates and merges user options. */
export interface RuleOptions<O> {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly defaults: O;
}

export interface FixSpec<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly safety: Exclude<FixSafety, 'none'>;
  readonly edits: readonly TextEdit[];
  readonly createFiles?: readonly FileCreation[];
}

export interface ReportSpec<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly related?: readonly RelatedInfo[];
  readonly tags?: readonly ProblemTag[];
  readonly fixes?: readonly FixSpec<M>[];
  /** Overrides the default severity for this report when the user did not configure the rule explicitly. */
  readonly severity?: Severity;
}

export interface RuleContext<M extends string, O> {
  readonly model: DockerfileModel;
  readonly options: O;
  /** Facts about files next to the Dockerfile, supplied by the adapter (LSP, CLI); undefined = unknown. */
  readonly files: FileFacts;
  /** Only for rules with `phase: 'afterSuppression'`: which suppressions the other rules' problems used. */
  readonly suppressionUsage?: SuppressionUsage;
  report(spec: ReportSpec<M>): void;
}

export interface Rule<M extends string = string, O = unknown> {
  readonly id: string;
  readonly meta: RuleMeta<M>;
  readonly options?: RuleOptions<O>;
  /** `afterSuppression` rules run once suppressions are applied (`unused-suppression`); their own problems are not suppressible. */
  readonly phase?: 'afterSuppression';
  check(ctx: RuleContext<M, O>): void;
}

/** Rules of any message/option types, as kept by the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineRule<M extends string, O = Record<string, never>>(rule: Rule<M, O>): Rule<M, O> {
  const problems: string[] = [];
  if (!ID.test(rule.id)) problems.push('id must be kebab-case');
  const messages = Object.entries(rule.meta.messages) as [string, string][];
  if (messages.length === 0) problems.push('meta.messages is empty');
  for (const [key, text] of messages) {
    if (!text.trim()) problems.push(`message '${key}' is empty`);
    if (/\.\s*$/.test(text)) problems.push(`message '${key}' ends with a period`);
  }
  if (!rule.meta.docs.summary.trim()) problems.push('docs.summary is empty');
  if (rule.meta.docs.examples.invalid.length === 0) problems.push('docs.examples.invalid is empty');
  if (rule.meta.docs.examples.valid.length === 0) problems.push('docs.examples.valid is empty');
  if (problems.length > 0) throw new Error(`Rule '${rule.id}': ${problems.join('; ')}`);
  return Object.freeze(rule);
}

/** Replaces `{{name}}` placeholders with `data` values. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (data && key in data ? String(data[key]) : `{{${key}}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * Templates split once at their placeholders: text, name, text, name, …, text. Every problem and fix title of every
 * lint is formatted, and a `replace` with a callback per problem showed in the editor's profile. The templates are
 * the rules' messages, a fixed set; the bound only guards against a caller passing text of its own.
 */
const splitTemplates = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    if (splitTemplates.size >= 10_000) splitTemplates.clear();
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    splitTemplates.set(template, parts);
  }
  return parts;
}
