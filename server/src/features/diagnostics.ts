/**
 * Problem → LSP Diagnostic. A diagnostic carries no fixes and no `data`: code actions find the problem it stands
 * for among the problems of the document's current lint, which the server keeps anyway (`DocumentLinter`), as
 * vscode-eslint keeps its fixes. Sent along, the fixes were over a third of every publish (50 of 133 KB on the
 * 2,000-line latency file), encoded by the server and decoded by the editor after every keystroke.
 */
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import { docsUrl } from '../../../shared/src/docsUrl';
import type { Severity } from '../../../shared/src/ruleTypes';
import type { Problem, ProblemTag } from '../engine/problem';

const DIAGNOSTIC_SOURCE = 'stagelint';

/** What the client can show; unsupported fields are left out. */
export interface DiagnosticSupport {
  readonly relatedInformation: boolean;
  /** Tags the client understands; undefined = send all. */
  readonly tags?: readonly DiagnosticTag[];
  readonly codeDescription: boolean;
}

const FULL_DIAGNOSTIC_SUPPORT: DiagnosticSupport = { relatedInformation: true, codeDescription: true };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG: Record<ProblemTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

function toDiagnostic(problem: Problem, uri: string, support: DiagnosticSupport = FULL_DIAGNOSTIC_SUPPORT): Diagnostic {
  const diagnostic: Diagnostic = {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.ruleId,
    message: problem.message,
  };
  if (support.codeDescription) diagnostic.codeDescription = { href: docsUrl(problem.ruleId) };
  const tags = problem.tags.map((t) => TAG[t]).filter((t) => !support.tags || support.tags.includes(t));
  if (tags.length > 0) diagnostic.tags = tags;
  if (support.relatedInformation && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: r.message }),
    );
  }
  return diagnostic;
}

export function toDiagnostics(problems: readonly Problem[], uri: string, support?: DiagnosticSupport): Diagnostic[] {
  return problems.map((p) => toDiagnostic(p, uri, support));
}

/** The rule of one of our diagnostics that a client sent back; undefined for other sources' diagnostics. */
export function ruleIdOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof diagnostic.code === 'string' && diagnostic.code !== '' ? diagnostic.code : undefined;
}
