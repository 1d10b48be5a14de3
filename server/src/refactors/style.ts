/**
 * The written style of a Dockerfile, so that generated instructions look like the ones around them:
 * keyword casing, the escape character (backslash, or backtick after `# escape=`), line endings, how
 * continuation lines are indented and whether `&&` starts or ends a continued line.
 */
import type { DockerfileModel } from '../analysis/model';
import { lineText } from '../engine/fixes';

export interface FileStyle {
  /** Instruction keywords are written in lower case (`run`, `copy`). */
  readonly lowerKeywords: boolean;
  readonly escape: '\\' | '`';
  readonly eol: '\n' | '\r\n';
  /** Leading whitespace of continuation lines (`    `, `\t`, `  `). */
  readonly continuationIndent: string;
  /** `&&` leads continuation lines (`\n    && apt-get …`) rather than ending the line before (`… && \`). */
  readonly operatorFirst: boolean;
}

export function detectStyle(model: DockerfileModel): FileStyle {
  let lower = 0;
  let upper = 0;
  for (const instr of model.instructions) {
    if (instr.keywordText === instr.keywordText.toLowerCase()) lower++;
    else if (instr.keywordText === instr.keywordText.toUpperCase()) upper++;
  }
  const indents = new Map<string, number>();
  let leading = 0;
  let trailing = 0;
  for (const instr of model.instructions) {
    for (let line = instr.range.start.line; line < instr.range.end.line; line++) {
      const text = lineText(model, line).trimEnd();
      if (!text.endsWith(model.escapeChar)) continue;
      const next = lineText(model, line + 1);
      const indent = /^[ \t]*/.exec(next)![0];
      if (indent.length > 0 && next.trim() !== '' && !next.trimStart().startsWith('#')) indents.set(indent, (indents.get(indent) ?? 0) + 1);
      if (/(&&|\|\||;)\s*\S$/.test(text)) trailing++;
      if (/^\s*(&&|\|\||;)/.test(next)) leading++;
    }
  }
  const indent = [...indents.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? '    ';
  return {
    lowerKeywords: lower > upper,
    escape: model.escapeChar,
    eol: model.eol,
    continuationIndent: indent,
    operatorFirst: leading > trailing,
  };
}

/** `RUN` or `run`, as the file writes its keywords. */
export function keyword(style: FileStyle, upperCase: string): string {
  return style.lowerKeywords ? upperCase.toLowerCase() : upperCase;
}

/** Lines written with upper-case keywords (shared edit builders) in the file's casing. */
export function styled(style: FileStyle, lines: readonly string[]): string[] {
  return lines.map((l) => (style.lowerKeywords ? l.replace(/^(\s*)([A-Z]+)\b/, (_, ws: string, kw: string) => ws + kw.toLowerCase()) : l));
}

/**
 * One instruction written on several lines: `keyword first`, then each following part on a continuation line
 * joined with `joiner` (`&&`) on the side the file prefers. Returns the lines without line endings.
 */
export function continued(style: FileStyle, head: string, parts: readonly string[], joiner = '&&'): string[] {
  const first = parts[0];
  if (first === undefined) return [head];
  if (parts.length === 1) return [`${head} ${first}`];
  const lines: string[] = [];
  if (style.operatorFirst) {
    lines.push(`${head} ${first} ${style.escape}`);
    parts.slice(1).forEach((p, i) => lines.push(`${style.continuationIndent}${joiner} ${p}${i < parts.length - 2 ? ` ${style.escape}` : ''}`));
  } else {
    lines.push(`${head} ${first} ${joiner} ${style.escape}`);
    parts.slice(1).forEach((p, i) => lines.push(`${style.continuationIndent}${p}${i < parts.length - 2 ? ` ${joiner} ${style.escape}` : ''}`));
  }
  return lines;
}

/** `AS`/`as` matching the FROM keyword's casing (BuildKit's FromAsCasing check). */
export function asKeyword(fromKeywordText: string): string {
  return fromKeywordText === fromKeywordText.toLowerCase() ? 'as' : 'AS';
}
