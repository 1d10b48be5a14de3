/**
 * Command-line parsing with `node:util` parseArgs (no CLI framework: the bundle stays small and the surface
 * stays explicit). Everything is validated here, so the rest of the CLI works with typed, checked options.
 */
import { parseArgs } from 'node:util';
import { isSeverity, severityRank, type Severity, type SeverityOrOff } from '../../../shared/src/ruleTypes';
import { closest } from '../engine/config';
import type { AnyRule } from '../engine/defineRule';
import { CliError } from './errors';

const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
const RULES_FORMATS = ['stylish', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

export interface LintOptions {
  readonly paths: readonly string[];
  readonly format: LintFormat;
  readonly output: string | undefined;
  readonly fix: boolean;
  readonly unsafeFixes: boolean;
  readonly config: string | undefined;
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
  readonly targets: readonly string[];
  /** Exit 1 when more warnings than this are found; undefined = no limit. */
  readonly maxWarnings: number | undefined;
  readonly failureThreshold: Severity;
  readonly ignoreComments: boolean;
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'rules'; readonly format: RulesFormat }
  | { readonly kind: 'lint'; readonly options: LintOptions };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'unsafe-fixes': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'failure-threshold': { type: 'string' },
  'no-ignore-comments': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommand(argv: readonly string[], rules: readonly AnyRule[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(describeParseError(e));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };

  if (positionals[0] === 'rules') {
    const extra = positionals.slice(1);
    if (extra.length > 0) throw new CliError(`'rules' takes no arguments (got '${extra[0]}')`);
    const used = Object.keys(v).filter((k) => k !== 'format');
    if (used.length > 0) throw new CliError(`option '--${used[0]}' does not apply to 'rules'`);
    return { kind: 'rules', format: oneOf('format', v.format ?? 'stylish', RULES_FORMATS) };
  }

  if (v.stdin && positionals.length > 0) throw new CliError('--stdin reads one file from standard input: do not also give paths');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new CliError('--stdin-filename needs --stdin');
  if (v['unsafe-fixes'] && !v.fix) throw new CliError('--unsafe-fixes needs --fix');

  return {
    kind: 'lint',
    options: {
      paths: positionals.length > 0 ? positionals : v.stdin ? [] : ['.'],
      format: oneOf('format', v.format ?? 'stylish', LINT_FORMATS),
      output: v.output,
      fix: v.fix === true,
      unsafeFixes: v['unsafe-fixes'] === true,
      config: v.config,
      rules: parseRuleOverrides(v.rule ?? [], rules),
      targets: v.target ?? [],
      maxWarnings: parseMaxWarnings(v['max-warnings']),
      failureThreshold: parseThreshold(v['failure-threshold']),
      ignoreComments: v['no-ignore-comments'] !== true,
      stdin: v.stdin === true,
      stdinFilename: v['stdin-filename'],
    },
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`invalid --${option} '${value}' (use ${allowed.join(', ')})`);
}

function parseRuleOverrides(specs: readonly string[], rules: readonly AnyRule[]): Record<string, SeverityOrOff> {
  const result: Record<string, SeverityOrOff> = {};
  const ids = rules.map((r) => r.id);
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new CliError(`invalid --rule '${spec}' (expected <rule-id>=<severity>, e.g. no-unreachable-stage=off)`);
    const id = spec.slice(0, eq).trim();
    const severity = spec.slice(eq + 1).trim();
    if (!ids.includes(id)) {
      const guess = closest(id, ids);
      throw new CliError(`unknown rule '${id}' in --rule${guess ? ` (did you mean '${guess}'?)` : ''}`);
    }
    if (!isSeverity(severity)) throw new CliError(`invalid severity '${severity}' in --rule ${id} (use error, warning, info, hint or off)`);
    result[id] = severity;
  }
  return result;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined || value === '-1') return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`invalid --max-warnings '${value}' (expected a number of warnings, 0 or more)`);
  return Number(value);
}

function parseThreshold(value: string | undefined): Severity {
  if (value === undefined) return 'error';
  if (isSeverity(value) && value !== 'off') return value;
  throw new CliError(`invalid --failure-threshold '${value}' (use error, warning, info or hint)`);
}

/** parseArgs' messages are long and capitalised; ours name the option and point at --help. */
function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  // "Option '-f, --format <value>' argument missing": name the long form.
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option ?? '?'}' (see stagelint --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(err.message ?? '')) return `option '${option ?? '?'}' needs a value (see stagelint --help)`;
      // `--max-warnings -1`: parseArgs will not take a value that starts with a dash unless it is attached.
      if (/ambiguous/.test(err.message ?? '')) return `option '${option ?? '?'}' needs its value attached when it starts with '-', e.g. ${option ?? '--option'}=-1`;
      return `option '${option ?? '?'}' takes no value (see stagelint --help)`;
    default:
      return err.message ?? String(e);
  }
}

/** Whether a problem of `severity` makes the run fail under `threshold`. */
export function meetsThreshold(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}
