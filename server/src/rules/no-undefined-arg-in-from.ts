import { expand, findVariables, globalScope, PREDEFINED_ARGS, removeQuotes, type Binding } from '../analysis/args';
import { isValidImageReference } from '../analysis/buildkitGrammar';
import { partRange } from '../analysis/joinedWord';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import type { Range } from 'vscode-languageserver-types';
import { closest } from '../engine/config';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'no-undefined-arg-in-from',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'UndefinedArgInFrom', relation: 'same' },
      { tool: 'buildkit', id: 'InvalidDefaultArgInFrom', relation: 'same' },
    ],
    messages: {
      undefined: "'{{name}}' is not declared by an ARG before the first FROM, so it is empty in this FROM",
      undefinedSuggest: "'{{name}}' is not declared by an ARG before the first FROM (did you mean '{{suggestion}}'?), so it is empty in this FROM",
      emptyDefault: "With the default ARG values '{{text}}' is empty, so the build fails unless --build-arg sets {{vars}}",
      invalidDefault: "With the default ARG values '{{text}}' becomes '{{value}}', which is not a valid image reference, so the build fails unless --build-arg sets {{vars}}",
    },
    docs: {
      summary: 'Variables in FROM must be global ARGs whose defaults give a valid image',
      rationale:
        'A FROM line only sees ARGs declared before the first FROM (and the predefined platform args such as ' +
        '`TARGETARCH`). Any other `$VAR` there is empty: `FROM node:${NODE_VERSION}-alpine` becomes ' +
        '`node:-alpine`. And when an ARG has no default (or an empty one), a plain `docker build` without ' +
        '`--build-arg` fails on an empty or invalid image name.',
      examples: {
        invalid: ['FROM node:${NODE_VERSION}-alpine\n', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n'],
        valid: ['ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nARG TARGETARCH\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n'],
      },
    },
  },
  check({ model, report }) {
    const declared = new Set(model.globalArgs.map((a) => a.name));
    const candidates = [...declared, ...PREDEFINED_ARGS];
    const defaults = defaultScope(model);
    for (const stage of model.stages) {
      const texts = fromTexts(stage.from, stage);
      for (const { text, range } of texts) {
        const uses = findVariables(text, model.escapeChar);
        const missing = uses.filter((u) => !declared.has(u.name) && !PREDEFINED_ARGS.has(u.name) && !u.modifier?.includes('-'));
        for (const use of missing) {
          const suggestion = closest(use.name, candidates);
          const useRange = partRange(model.document, range, text, use.start, use.end);
          report({ messageId: suggestion ? 'undefinedSuggest' : 'undefined', data: { name: use.name, ...(suggestion ? { suggestion } : {}) }, range: useRange });
        }
        if (missing.length > 0 || uses.length === 0 || range !== texts[0]?.range) continue;
        // The image reference with only the defaults: BuildKit's InvalidDefaultArgInFrom.
        const e = expand(text, defaults, model.escapeChar);
        if (e.dynamic) continue;
        const value = removeQuotes(e.value, model.escapeChar).trim();
        const noDefault = uses.map((u) => u.name).filter((n) => model.globalArgs.every((a) => a.name !== n || !a.defaultValue));
        const vars = (noDefault.length > 0 ? noDefault : uses.map((u) => u.name)).map((n) => `'${n}'`).join(', ');
        if (value === '') {
          report({ messageId: 'emptyDefault', data: { text, vars }, range });
        } else if (!isValidImageReference(value) && !isStageOrScratch(model, value, stage)) {
          report({ messageId: 'invalidDefault', data: { text, value, vars }, range });
        }
      }
    }
  },
});

/** The image and the `--platform` value of a FROM line, with their ranges. */
function fromTexts(from: Instr, stage: Stage): { text: string; range: Range }[] {
  const result: { text: string; range: Range }[] = [];
  if (stage.base.kind !== 'missing') result.push({ text: stage.base.text, range: stage.base.range });
  const platform = from.flag('platform');
  if (platform?.value && platform.valueRange) result.push({ text: platform.value, range: platform.valueRange });
  return result;
}

/** Global scope where an ARG without a default is empty (as in a build without --build-arg). */
function defaultScope(model: DockerfileModel): Map<string, Binding> {
  const scope = globalScope(model.globalArgs, model.escapeChar);
  for (const arg of model.globalArgs) {
    if (arg.defaultValue === undefined && scope.get(arg.name)?.value === undefined) scope.set(arg.name, { kind: 'global-arg', value: '' });
  }
  return scope;
}

function isStageOrScratch(model: DockerfileModel, value: string, stage: Stage): boolean {
  if (value.toLowerCase() === 'scratch') return true;
  const target = model.stageByName(value);
  return target !== undefined && target.index < stage.index;
}
