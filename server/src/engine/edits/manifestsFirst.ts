/**
 * "Copy dependency manifests first": rewrites
 *
 *     COPY --chown=app . .            COPY --chown=app package.json package-lock.json* ./
 *     RUN npm ci               →      RUN npm ci
 *                                     COPY --chown=app . .
 *
 * The whole-context COPY becomes the manifest COPY (same keyword casing, flags and indentation; one COPY per
 * target directory because a COPY flattens its sources), and the original COPY, as written, moves below the
 * install. Used by the `deps-before-source` fix and by the refactor of the same name.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DepsBeforeSource } from '../../analysis/dependencyOrder';
import type { DockerfileModel } from '../../analysis/model';
import { indentOf, lineText, replace } from '../fixes';

/** `dest` with a trailing `/` (a COPY of several sources needs a directory destination), then `target`. */
function directory(dest: string, target: string): string {
  const base = dest === '.' ? './' : dest.endsWith('/') ? dest : `${dest}/`;
  return base + target;
}

/** Edits for `issue`; undefined when the fix is blocked (`issue.fixBlocker`). */
export function copyManifestsFirstEdits(model: DockerfileModel, issue: DepsBeforeSource): TextEdit[] | undefined {
  const { copy, run } = issue;
  const groups = issue.manifestCopies;
  const dest = copy.dest;
  const first = copy.sources[0];
  if (issue.fixBlocker || !groups || groups.length === 0 || !dest || !first) return undefined;
  const instr = copy.instr;
  const indent = indentOf(model, instr.range.start.line);
  const flags = instr.flags.length > 0
    ? model.textOf({ start: instr.flags[0]!.range.start, end: instr.flags[instr.flags.length - 1]!.range.end }) + ' '
    : '';
  const lines = groups.map((g) => `${g.sources.join(' ')} ${directory(dest.value, g.target)}`);
  const manifestCopy = [lines[0]!, ...lines.slice(1).map((l) => `${model.eol}${indent}${instr.keywordText} ${flags}${l}`)].join('');
  // The original COPY, every line as written, goes right after the install RUN.
  const original: string[] = [];
  for (let l = instr.range.start.line; l <= instr.range.end.line; l++) original.push(lineText(model, l));
  const runEnd = { line: run.range.end.line, character: lineText(model, run.range.end.line).length };
  return [
    replace({ start: first.range.start, end: dest.range.end }, manifestCopy),
    replace({ start: runEnd, end: runEnd }, original.map((l) => model.eol + l).join('')),
  ];
}
