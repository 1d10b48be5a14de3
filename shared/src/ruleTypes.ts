/**
 * The rule vocabulary shared by the server, the client, the CLI and the generators.
 * Pure types and constants: no runtime dependencies.
 */

/** Severity words used everywhere: settings, config files, CLI flags and docs. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type SeverityOrOff = (typeof SEVERITIES)[number];
export type Severity = Exclude<SeverityOrOff, 'off'>;

export const CATEGORIES = ['correctness', 'suspicious', 'performance', 'security', 'style'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How far a rule's fixes may go. `safe` fixes run on save and under `--fix`; `unsafe` only on request. */
export const FIX_SAFETIES = ['none', 'safe', 'unsafe'] as const;
export type FixSafety = (typeof FIX_SAFETIES)[number];

export type PeerTool = 'hadolint' | 'buildkit' | 'trivy';

/**
 * A peer tool's rule that this rule corresponds to. `same` means the semantics match closely enough that the
 * peer's suppression comment (`# hadolint ignore=DL3022`, `# check=skip=Name`) also suppresses this rule.
 */
export interface RuleSource {
  readonly tool: PeerTool;
  readonly id: string;
  readonly relation: 'same' | 'inspired';
}

export type Stability = 'preview' | 'stable';

export function severityRank(s: SeverityOrOff): number {
  return { error: 4, warning: 3, info: 2, hint: 1, off: 0 }[s];
}

export function isSeverity(value: unknown): value is SeverityOrOff {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
