/**
 * `--format json`: a stable, documented shape for scripts —
 * `[{"file", "problems": [{"rule", "severity", "message", "line", "column", "endLine", "endColumn", "fixes": [{"title", "safety"}]}]}]`.
 * Positions are 1-based; every linted file is listed, clean ones with an empty `problems`.
 */
import type { ReportContext } from '../report';
import { span } from './positions';

export function formatJson(ctx: ReportContext): string {
  const files = ctx.reports.map((r) => ({
    file: r.file,
    problems: r.problems.map((p) => ({
      rule: p.ruleId,
      severity: p.severity,
      message: p.message,
      ...span(p.range),
      fixes: p.fixes.map((f) => ({ title: f.title, safety: f.safety })),
    })),
  }));
  return JSON.stringify(files, null, 2) + '\n';
}
