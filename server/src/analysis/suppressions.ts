/**
 * Suppression comments, parsed once per model:
 *   # stagelint-ignore rule-a, rule-b -- reason        (the next instruction, continuation lines included)
 *   # stagelint-ignore-stage rule-a -- reason          (the enclosing stage, from the comment to its end)
 *   # stagelint-ignore-file rule-a -- reason           (the whole file)
 *   # hadolint ignore=DL3008,DL3015                     (peer pragma: next instruction)
 *   # hadolint global ignore=DL3008                     (peer pragma: whole file)
 *   # check=skip=StageNameCasing,FromAsCasing          (BuildKit directive, whole file; `skip=all` too)
 * Our own comments never contain `=` so they cannot be mistaken for parser directives.
 */
import type { Range } from 'vscode-languageserver-types';

export type SuppressionScope = 'instruction' | 'stage' | 'file';
export type SuppressionKind = 'stagelint' | 'hadolint' | 'buildkit';

export interface Suppression {
  readonly kind: SuppressionKind;
  readonly scope: SuppressionScope;
  /** Rule ids (stagelint) or peer ids (hadolint codes, BuildKit check names, or `all`). */
  readonly ids: readonly { readonly id: string; readonly range: Range }[];
  readonly reason: string | undefined;
  /** The comment line. */
  readonly range: Range;
  /** Lines the suppression covers (inclusive); set by the model builder once instructions are known. */
  coversFrom: number;
  coversTo: number;
}

export interface SuppressionIndex {
  readonly all: readonly Suppression[];
}

const OWN = /^#\s*stagelint-ignore(-stage|-file)?(?=\s|$)(.*)$/;
const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore=(\S+)/;

/** Parses one comment line (text starting with `#`) at `line`; undefined when it is no suppression. */
export function parseSuppressionComment(text: string, line: number, column: number): Suppression | undefined {
  const own = OWN.exec(text);
  if (own) {
    const scope: SuppressionScope = own[1] === '-file' ? 'file' : own[1] === '-stage' ? 'stage' : 'instruction';
    const rest = own[2] ?? '';
    const restStart = text.length - rest.length;
    const sep = rest.indexOf('--');
    const idsPart = sep < 0 ? rest : rest.slice(0, sep);
    const reason = sep < 0 ? undefined : rest.slice(sep + 2).trim() || undefined;
    const ids: { id: string; range: Range }[] = [];
    const re = /[^\s,]+/g;
    for (let m = re.exec(idsPart); m; m = re.exec(idsPart)) {
      const start = column + restStart + m.index;
      ids.push({ id: m[0], range: lineRange(line, start, start + m[0].length) });
    }
    return { kind: 'stagelint', scope, ids, reason, range: lineRange(line, column, column + text.length), coversFrom: line, coversTo: line };
  }
  const peer = HADOLINT.exec(text);
  if (peer) {
    const list = peer[2] ?? '';
    const listStart = text.indexOf(list, text.indexOf('ignore='));
    const ids: { id: string; range: Range }[] = [];
    let offset = 0;
    for (const id of list.split(',')) {
      const start = column + listStart + offset;
      if (id) ids.push({ id, range: lineRange(line, start, start + id.length) });
      offset += id.length + 1;
    }
    return {
      kind: 'hadolint', scope: peer[1] ? 'file' : 'instruction', ids, reason: undefined,
      range: lineRange(line, column, column + text.length), coversFrom: line, coversTo: line,
    };
  }
  return undefined;
}

/** `# check=skip=A,B;error=true` parser directive → a file-wide BuildKit suppression. */
export function parseCheckDirective(value: string, range: Range): Suppression | undefined {
  const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(value);
  if (!skip || !skip[1]) return undefined;
  const ids = skip[1].split(',').map((s) => s.trim()).filter(Boolean).map((id) => ({ id, range }));
  return { kind: 'buildkit', scope: 'file', ids, reason: undefined, range, coversFrom: 0, coversTo: Number.MAX_SAFE_INTEGER };
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
