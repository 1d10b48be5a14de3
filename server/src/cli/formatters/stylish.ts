/**
 * The default, human format (ESLint's "stylish"): problems grouped under their file, aligned columns
 * `line:column  severity  message  rule`, then a summary line and what `--fix` could do.
 * Colours only when the caller says so (a terminal, NO_COLOR / FORCE_COLOR respected in io.ts).
 */
import type { Severity } from '../../../../shared/src/ruleTypes';
import { fixableCounts, plural, unsafeFixHint, type ReportContext } from '../report';

const SGR = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, yellow: 33, blue: 34, cyan: 36, green: 32 } as const;
type Style = keyof typeof SGR;

export function formatStylish(ctx: ReportContext): string {
  const paint = (text: string, ...styles: Style[]) =>
    ctx.color && styles.length > 0 ? `\u001b[${styles.map((s) => SGR[s]).join(';')}m${text}\u001b[0m` : text;
  const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'cyan' };

  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of ctx.reports) {
    if (report.problems.length === 0) continue;
    const rows = report.problems.map((p) => {
      counts[p.severity]++;
      return { pos: `${p.range.start.line + 1}:${p.range.start.character + 1}`, severity: p.severity, message: p.message, rule: p.ruleId };
    });
    const width = (f: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => f(r).length));
    const wPos = width((r) => r.pos);
    const wSev = width((r) => r.severity);
    const wMsg = width((r) => r.message);
    out.push(paint(report.file, 'underline'));
    for (const r of rows) {
      out.push(
        `  ${paint(r.pos.padEnd(wPos), 'dim')}  ${paint(r.severity.padEnd(wSev), severityStyle[r.severity])}  ${r.message.padEnd(wMsg)}  ${paint(r.rule, 'dim')}`.trimEnd(),
      );
    }
    out.push('');
  }

  const total = counts.error + counts.warning + counts.info + counts.hint;
  const fixedTotal = ctx.reports.reduce((n, r) => n + r.fixed, 0);
  if (total > 0) {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.info) parts.push(plural(counts.info, 'info'));
    if (counts.hint) parts.push(plural(counts.hint, 'hint'));
    const style: Style = counts.error ? 'red' : counts.warning ? 'yellow' : 'blue';
    out.push(paint(`✖ ${plural(total, 'problem')} (${parts.join(', ')})`, 'bold', style));
  }
  if (fixedTotal > 0) {
    const files = ctx.reports.filter((r) => r.fixed > 0).length;
    out.push(paint(`✔ Fixed ${plural(fixedTotal, 'problem')} in ${plural(files, 'file')}`, 'green'));
  }
  const fixable = fixableCounts(ctx.reports);
  if (fixable.safe > 0 && !ctx.fixApplied) out.push(`  ${plural(fixable.safe, 'problem')} fixable with \`--fix\``);
  const hint = unsafeFixHint(fixable, ctx.unsafeFixesApplied);
  if (hint) out.push(`  ${hint}`);
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
