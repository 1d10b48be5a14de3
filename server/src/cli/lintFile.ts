/** Lints (and with --fix, fixes) one Dockerfile's text with its config; no I/O here, the caller reads and writes. */
import type { ConfigFile, SeverityOrOff } from '../../../shared/src';
import { applyFixes } from '../engine/applyFixes';
import type { AnyRule } from '../engine/defineRule';
import type { FileFacts } from '../engine/fileFacts';
import { lint, type LintOptions } from '../engine/lint';
import type { FileCreation, Problem } from '../engine/problem';

export interface LintSettings {
  readonly rules: readonly AnyRule[];
  readonly cliRules: Readonly<Record<string, SeverityOrOff>>;
  readonly cliTargets: readonly string[];
  readonly ignoreComments: boolean;
  /** undefined = report only; otherwise apply fixes (unsafe ones too when `unsafe`). */
  readonly fix: { readonly unsafe: boolean } | undefined;
}

export interface LintOutcome {
  readonly problems: readonly Problem[];
  /** The text after fixes (the input when nothing was fixed). */
  readonly output: string;
  readonly fixed: number;
  readonly createdFiles: readonly FileCreation[];
}

export function lintFile(text: string, uri: string | undefined, config: ConfigFile, files: FileFacts, settings: LintSettings): LintOutcome {
  const options: LintOptions = {
    ...(uri ? { uri } : {}),
    rules: settings.rules,
    config: { file: config, cli: settings.cliRules },
    targets: [...(config.targets ?? []), ...settings.cliTargets],
    files,
    honourSuppressions: settings.ignoreComments,
  };
  if (!settings.fix) return { problems: lint(text, options).problems, output: text, fixed: 0, createdFiles: [] };
  const result = applyFixes(text, { ...options, unsafe: settings.fix.unsafe });
  return { problems: result.remaining, output: result.output, fixed: result.fixed, createdFiles: result.createdFiles };
}
