/**
 * `df` tagged template: write Dockerfiles indented in test files, get them exact.
 * Strips the first line if blank and the common indentation; keeps a trailing newline.
 */
export function df(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '\n');
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}
