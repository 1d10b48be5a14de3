/**
 * The sources and the destination of a COPY or ADD, as BuildKit reads them: the JSON form
 * (`COPY ["a b", "/dst/"]`) or whitespace-separated words, heredoc markers (`COPY <<EOF /x`) kept apart from
 * files, and each word's value after quote removal and ARG/ENV expansion. Rules about the build context
 * (`.dockerignore`, dependency manifests) start here.
 */
import type { Range } from 'vscode-languageserver-types';
import { contextPath } from './dockerignore';
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr, Token } from './model';
import { wordValue } from './wordValue';

export interface CopySource {
  /** The word as written. */
  readonly raw: string;
  /** Value after quote removal and expansion; undefined when a variable is only known at build time. */
  readonly value: string | undefined;
  readonly range: Range;
  /** `<<EOF` heredoc, a URL or a git source: not a file of the build context. */
  readonly kind: 'path' | 'heredoc' | 'url';
  /** Context-relative path (`.` for the whole context); undefined unless `kind` is `path` with a known value. */
  readonly path: string | undefined;
  /** The value contains `*`, `?` or `[` (a pattern BuildKit expands). */
  readonly glob: boolean;
}

export interface CopyParts {
  readonly instr: Instr;
  readonly sources: readonly CopySource[];
  readonly dest: Token | undefined;
  /** False for `--from=<stage|image|context>`: the sources are not read from the build context. */
  readonly fromContext: boolean;
  readonly json: boolean;
}

const URL = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/;

/** Argument tokens of the instruction line(s), without heredoc bodies. */
function lineTokens(instr: Instr): readonly Token[] {
  const firstBody = instr.heredocs.map((h) => h.contentRange?.start.line).filter((l): l is number => l !== undefined);
  if (firstBody.length === 0) return instr.args;
  const limit = Math.min(...firstBody);
  return instr.args.filter((t) => t.range.start.line < limit);
}

/** `["a", "b"]` split into its strings with their document ranges; undefined when not a JSON array of strings. */
function jsonTokens(model: DockerfileModel, tokens: readonly Token[]): Token[] | undefined {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || !first.value.startsWith('[')) return undefined;
  const start = model.document.offsetAt(first.range.start);
  const text = model.text.slice(start, model.document.offsetAt(last.range.end));
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
  const out: Token[] = [];
  const re = /"(?:[^"\\]|\\.)*"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({
      value: JSON.parse(m[0]) as string,
      range: { start: model.document.positionAt(start + m.index), end: model.document.positionAt(start + m.index + m[0].length) },
    });
  }
  return out.length === values.length ? out : undefined;
}

/** Parts per instruction: half a dozen rules and model facts read the same COPY. */
const cache = new ObjectMemo<Instr, CopyParts>();

export function copyParts(model: DockerfileModel, instr: Instr): CopyParts | undefined {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return undefined;
  const hit = cache.get(instr);
  if (hit) return hit;
  const parts = computeParts(model, instr);
  cache.set(instr, parts);
  return parts;
}

function computeParts(model: DockerfileModel, instr: Instr): CopyParts {
  const line = lineTokens(instr).filter((t) => t.value !== model.escapeChar);
  const json = jsonTokens(model, line);
  const words = json ?? line;
  const dest = words.length > 1 ? words[words.length - 1] : undefined;
  const sources = (dest ? words.slice(0, -1) : words).map((token): CopySource => {
    const raw = token.value;
    if (!json && /^<<-?["']?[A-Za-z_]/.test(raw)) {
      return { raw, value: undefined, range: token.range, kind: 'heredoc', path: undefined, glob: false };
    }
    const word = json ? { value: raw, known: !raw.includes('$') } : wordValue(model, raw, instr);
    const value = word.known ? word.value : undefined;
    const kind = value !== undefined && URL.test(value) ? 'url' : 'path';
    return {
      raw,
      value,
      range: token.range,
      kind,
      path: kind === 'path' && value !== undefined ? contextPath(value) : undefined,
      glob: value !== undefined && /[*?[]/.test(value),
    };
  });
  return { instr, sources, dest, fromContext: !instr.flag('from'), json: json !== undefined };
}

/** COPY/ADD instructions of a stage (ONBUILD triggers excluded: they copy from a child build's context). */
export function copiesIn(model: DockerfileModel, instrs: readonly Instr[]): CopyParts[] {
  return instrs.map((i) => copyParts(model, i)).filter((p): p is CopyParts => p !== undefined);
}

/** The source that copies the whole build context (`.`, `./`, `/`, `*`), if any. */
export function wholeContextSource(parts: CopyParts): CopySource | undefined {
  if (!parts.fromContext) return undefined;
  return parts.sources.find((s) => s.kind === 'path' && (s.path === '.' || s.value === '*'));
}
