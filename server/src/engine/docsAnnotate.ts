/**
 * Annotated output for the docs (and anyone who wants to show problems as text): the source, and under each
 * problem's range a `~~~` underline followed by the severity and message; related locations get `---` and a note;
 * fix titles follow their problem. Tabs are kept in the padding so the marks line up in any tab width.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Problem } from './problem';

interface Mark {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly char: string;
  /** Text after the underline; only on the last line of a multi-line range. */
  readonly label: string | undefined;
  /** Lines printed under the label, at the same indentation. */
  readonly extra: readonly string[];
}

export function annotate(text: string, problems: readonly Problem[], options: { showRuleId?: boolean } = {}): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const marks: Mark[] = [];
  const mark = (range: Range, char: string, label: string, extra: readonly string[]) => {
    const { start } = range;
    let { end } = range;
    // A range that ends at the start of the next line ends, for the eye, at the end of its last line.
    if (end.character === 0 && end.line > start.line) end = { line: end.line - 1, character: (lines[end.line - 1] ?? '').length };
    for (let line = start.line; line <= end.line && line < lines.length; line++) {
      const length = lines[line]!.length;
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : length;
      const last = line === end.line || line === lines.length - 1;
      if (!last && to <= from) continue;
      marks.push({ line, from, to: Math.max(to, from + 1), char, label: last ? label : undefined, extra: last ? extra : [] });
    }
  };
  for (const p of problems) {
    const rule = options.showRuleId ? ` [${p.ruleId}]` : '';
    mark(p.range, '~', `${p.severity}${rule}: ${p.message}`, p.fixes.map((f) => `fix (${f.safety}): ${f.title.replace(/ \(unsafe\)$/, '')}`));
    for (const r of p.related) mark(r.range, '-', `note: ${r.message}`, []);
  }
  const out: string[] = [];
  lines.forEach((source, line) => {
    out.push(source);
    const here = marks.filter((m) => m.line === line).sort((a, b) => a.from - b.from || a.to - b.to);
    for (const m of here) {
      const pad = padding(source, m.from);
      const underline = pad + m.char.repeat(m.to - m.from);
      out.push(m.label === undefined ? underline : `${underline} ${m.label}`);
      for (const e of m.extra) out.push(`${pad}${' '.repeat(m.to - m.from)} ${e}`);
    }
  });
  return out.join('\n') + '\n';
}

/** Whitespace as wide as `source.slice(0, column)`: tabs copied, everything else a space. */
function padding(source: string, column: number): string {
  let pad = '';
  for (let i = 0; i < column; i++) pad += source[i] === '\t' ? '\t' : ' ';
  return pad;
}
