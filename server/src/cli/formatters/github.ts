/**
 * `--format github`: GitHub Actions workflow commands, which become inline annotations on the pull request
 * without uploading SARIF: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`.
 * Escaping follows @actions/core (`%`, CR, LF everywhere; also `:` and `,` in properties).
 */
import type { Severity } from '../../../../shared/src/ruleTypes';
import type { ReportContext } from '../report';
import { span } from './positions';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(ctx: ReportContext): string {
  const lines: string[] = [];
  for (const r of ctx.reports) {
    const file = r.file.split('\\').join('/');
    for (const p of r.problems) {
      const s = span(p.range);
      const props = [`file=${escapeProperty(file)}`, `line=${s.line}`, `col=${s.column}`, `endLine=${s.endLine}`, `endColumn=${s.endColumn}`, `title=${escapeProperty(p.ruleId)}`];
      lines.push(`::${COMMAND[p.severity]} ${props.join(',')}::${escapeData(p.message)}`);
    }
  }
  return lines.map((l) => l + '\n').join('');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
