/**
 * "Extract stage": the selected instructions at the start of a stage become a stage of their own, which the
 * rest is then built FROM:
 *
 *     FROM python:3.12 AS app            FROM python:3.12 AS base
 *     RUN apt-get install …     →        RUN apt-get install …
 *     COPY . .                           
 *                                        FROM base AS app
 *                                        COPY . .
 *
 * The image is the same: FROM a stage continues its filesystem, ENV, WORKDIR, USER and SHELL. Stage ARGs do not
 * carry over, so the ARGs the rest still uses are declared again (with their defaults), numeric `--from=N`
 * references to later stages are renumbered, and the original name stays on the second part so that
 * references and `--target` keep meaning the same image. Not offered around ONBUILD (its triggers would fire
 * in the new child stage) or when nothing would remain.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { classifyInstall } from '../analysis/manifests';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { shellScriptsOf } from '../analysis/runScript';
import { lineText, replace } from '../engine/fixes';
import { instructionsIn } from './selection';
import { asKeyword } from './style';
import type { Refactor, RefactorAction } from './types';

function uniqueName(model: DockerfileModel, base: string): string {
  const taken = new Set(model.stages.flatMap((s) => (s.name ? [s.name.key] : [])));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `deps` when the extracted part installs project dependencies, else `base`. */
function nameFor(model: DockerfileModel, selected: readonly Instr[]): string {
  const installs = selected.some((i) => shellScriptsOf(model, i).some((s) => s.script.commands.some((c) => classifyInstall(c) !== undefined)));
  return uniqueName(model, installs ? 'deps' : 'base');
}

/** The ARGs of `selected` that the rest of the stage uses (by name). */
function argsUsedLater(model: DockerfileModel, stage: Stage, selected: readonly Instr[], rest: readonly Instr[]): Instr[] {
  const restText = rest.map((i) => model.textOf(i.range)).join('\n');
  return selected.filter((i) => {
    if (i.keyword !== 'ARG') return false;
    const names = i.args.map((a) => a.value.split('=')[0]!);
    return names.some((n) => new RegExp(`\\$\\{?${n}\\b`).test(restText));
  }).filter((i) => stage.instructions.includes(i));
}

export const extractStage: Refactor = {
  id: 'extract-stage',
  kind: 'refactor.extract',
  resolves: [],
  safety: 'safe',
  offer(model: DockerfileModel, range: Range): RefactorAction | undefined {
    if (range.start.line === range.end.line && range.start.character === range.end.character) return undefined;
    const touched = instructionsIn(model, range);
    const stage = touched[0]?.stage;
    if (!stage || touched.some((i) => i.stage !== stage)) return undefined;
    const selected = touched.filter((i) => i !== stage.from);
    const first = stage.instructions[0];
    if (!first || selected[0] !== first || selected.length >= stage.instructions.length) return undefined;
    if (stage.base.kind === 'missing' || stage.from.args.length > 3) return undefined;
    if (stage.instructions.some((i) => i.keyword === 'ONBUILD')) return undefined;
    const rest = stage.instructions.slice(selected.length);
    const lastSelected = selected[selected.length - 1]!;
    const name = nameFor(model, selected);
    const as = asKeyword(stage.from.keywordText);
    const edits: TextEdit[] = [];
    // 1. The FROM now starts the extracted stage.
    if (stage.name) edits.push(replace(stage.name.range, name));
    else edits.push(replace({ start: stage.base.range.end, end: stage.base.range.end }, ` ${as} ${name}`));
    // 2. The rest is built FROM it, under the original name, with the ARGs it uses declared again.
    const eol = model.eol;
    const indent = /^[ \t]*/.exec(lineText(model, stage.from.range.start.line))![0];
    const header = [`${indent}${stage.from.keywordText} ${name}${stage.name ? ` ${as} ${stage.name.text}` : ''}`];
    for (const arg of argsUsedLater(model, stage, selected, rest)) {
      for (let l = arg.range.start.line; l <= arg.range.end.line; l++) header.push(lineText(model, l));
    }
    const endLine = lastSelected.range.end.line;
    const end = { line: endLine, character: lineText(model, endLine).length };
    edits.push(replace({ start: end, end }, `${eol}${eol}${header.join(eol)}`));
    // 3. Stages after the insertion move one index up.
    for (const edge of model.edges) {
      if (edge.by !== 'index' || !edge.target || edge.onbuild || edge.target.index < stage.index) continue;
      edits.push(replace(edge.range, String(edge.target.index + 1)));
    }
    const lines = `${selected[0]!.range.start.line + 1}–${endLine + 1}`;
    return { id: 'extract-stage', title: `Extract lines ${lines} into stage '${name}'`, kind: 'refactor.extract', edits };
  },
};
