import { PREDEFINED_ARGS } from '../analysis/args';
import { addNamesDefinedBy, inheritedVariables, namesDefinedBy } from '../analysis/definedVariables';
import { expandedVariables } from '../analysis/expandedVariables';
import { mentions, occurrences } from '../analysis/lineMentions';
import { baseFactsOf, rootStage } from '../analysis/finalImage';
import { imageMaySetName, rootImageName } from '../analysis/imageEnv';
import type { Position } from 'vscode-languageserver-types';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { boundedDistance } from '../analysis/boundedDistance';
import { closest } from '../engine/config';
import { defineRule } from '../engine/defineRule';
import { insertLinesAfter, replace } from '../engine/fixes';

const NONE: readonly string[] = [];

/** BuildKit keeps these out of the environment on purpose (dockerfile2llb `nonEnvArgs`). */
const NON_ENV = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
/** Predefined args whose value BuildKit always knows; the other predefined ones (proxies) are empty unless passed. */
const PLATFORM_ARGS = new Set([...PREDEFINED_ARGS].filter((n) => /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$/.test(n)));

export default defineRule({
  id: 'no-undefined-variable',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'unsafe',
    since: '0.1.0',
    stability: 'stable',
    // Every problem of this rule is one BuildKit's UndefinedVar reports too (a strict subset), so
    // `# check=skip=UndefinedVar` silences it.
    sources: [{ tool: 'buildkit', id: 'UndefinedVar', relation: 'same' }],
    messages: {
      undefined: "'${{name}}' is set by no ARG or ENV before it{{base}}, so BuildKit expands it to an empty string",
      typo: "'${{name}}' is set by no ARG or ENV before it (did you mean '${{suggestion}}'?), so BuildKit expands it to an empty string",
      predefined: "'${{name}}' is a predefined build argument, but a stage sees it only after 'ARG {{name}}', so it is empty here",
      rename: "Replace with '${{suggestion}}'",
      declare: "Add 'ARG {{name}}' after the stage's FROM",
    },
    docs: {
      summary: 'A variable used where BuildKit expands it (COPY, ENV, WORKDIR, …) must be set by an ARG or ENV in scope',
      rationale:
        'BuildKit itself expands `$VAR` in ADD, COPY, ENV, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL, ARG defaults ' +
        'and RUN `--mount` options, from the ARGs and ENVs declared before the instruction in the stage (and in the ' +
        'stages it is built `FROM`) plus the base image\'s own ENV. A name set nowhere expands to an empty string ' +
        'without an error: `COPY app $APP_HOMe/` copies to `/`. RUN commands are left alone: the shell expands ' +
        'those, and may well define the variable itself.\n\n' +
        'BuildKit knows the base image\'s ENV because it pulls the image; this rule does not, so it reports only ' +
        'what is certain without it: when the stage chain starts `FROM scratch`; when the name is a near miss of a ' +
        'variable that is in scope (`APP_HOMe` for `APP_HOME`, `PAHT` for `PATH`); or when the base is a curated ' +
        'official image and the name is not one an image may set (`PATH`, `HOME`, `*_VERSION`, `*_HOME`, ' +
        '`*_PATH`, `NODE_*`, `PYTHON*`, names that start with the image\'s name, …). Names in `${NAME:-default}` ' +
        'form are not reported: the author planned for them to be unset. Stages on Windows images are not checked ' +
        '(their variable names are case-insensitive and their configuration is not curated). Predefined platform args ' +
        '(`TARGETARCH`, `BUILDPLATFORM`, …) need `ARG NAME` in the stage like any other.\n\n' +
        'This rule answers to BuildKit\'s `UndefinedVar` (`# check=skip=UndefinedVar` silences it): everything it ' +
        'reports, BuildKit reports too. A global ARG (declared before the first FROM) used in a stage without ' +
        '`ARG NAME` is `global-arg-scope`\'s, which also looks into RUN.',
      fixSafety:
        'Renaming to the suggested variable is unsafe: the suggestion is a guess from the spelling. Adding ' +
        '`ARG TARGETARCH` (for a predefined platform argument) is safe: it gives the stage the value BuildKit ' +
        'computes for the build.',
      examples: {
        invalid: [
          'FROM alpine\nENV APP_HOME=/srv/app\nCOPY app.py $APP_HOMe/\n',
          'FROM scratch\nCOPY --from=build /out/app $DEST\n',
        ],
        valid: [
          'FROM alpine\nENV APP_HOME=/srv/app\nCOPY app.py $APP_HOME/\nRUN echo "$SHELL_ONLY"\n',
          'FROM node:20\nWORKDIR /app\nCOPY . .\nLABEL node=$NODE_VERSION\n',
        ],
      },
      related: ['global-arg-scope', 'no-undefined-arg-in-from'],
    },
  },
  check({ model, report }) {
    const globals = new Set(model.globalArgs.map((a) => a.name));
    const esc = model.escapeChar;
    // A use needs a '$' on a line of the instruction: most instructions have none.
    const dollars = occurrences(model, ['$']);
    if (dollars.length === 0) return;
    for (const stage of model.stages) {
      // Read when a use asks: most instructions use no variable BuildKit expands, and most uses are defined.
      let base: Base | undefined | null = null;
      let defined: Set<string> | undefined;
      let definedUpTo = 0;
      const declaredPredefined = new Set<string>();
      const instructions = stage.instructions;
      let k = 0;
      const definedBefore = (): Set<string> => {
        // PATH is always set: BuildKit adds a default PATH when the image has none, scratch included.
        defined ??= inheritedVariables(stage, esc).add('PATH');
        for (; definedUpTo < k; definedUpTo++) addNamesDefinedBy(instructions[definedUpTo]!, esc, defined);
        return defined;
      };
      // A use with a modifier or of a name set before it is never reported: left out before its range is made.
      const settled = (name: string, modifier: string | undefined): boolean =>
        !!modifier || definedBefore().has(name) || globals.has(name) || NON_ENV.has(name);
      for (; k < instructions.length; k++) {
        const instr = instructions[k]!;
        if (!mentions(model, dollars, instr)) continue;
        const uses = expandedVariables(model, instr, settled);
        if (uses.length === 0) continue;
        defined = definedBefore();
        const ownNames = instr.keyword === 'ARG' ? namesDefinedBy(instr, esc) : NONE;
        for (const use of uses) {
          const name = use.name;
          // An ARG default sees the declarations before it in the same instruction.
          const sameArg = instr.keyword === 'ARG' ? ownNames.slice(0, Math.max(0, declarationsBefore(model, instr, use.range.start) - 1)) : NONE;
          // `expandedVariables` left out the settled uses already; the ARG's own earlier names are left.
          if (sameArg.includes(name)) continue;
          if (base === null) base = baseOf(model, stage);
          // No base at all (a FROM without image): nothing is certain in this stage.
          if (base === undefined) continue;
          const candidates = [...defined, ...sameArg];
          const suggestion = closest(name, candidates);
          const typo = suggestion !== undefined && isTypo(name, suggestion);
          const imageMay = base.kind !== 'scratch' && imageMaySetName(name, base.kind === 'image' ? base.name : undefined);
          const certain = base.kind === 'scratch' || (base.kind === 'image' && base.known && !imageMay) || (typo && (!imageMay || sameLetters(name, suggestion!)));
          if (!certain) continue;
          if (PLATFORM_ARGS.has(name)) {
            if (declaredPredefined.has(name)) continue;
            declaredPredefined.add(name);
            const arg = stage.from.keywordText === stage.from.keywordText.toLowerCase() ? 'arg' : 'ARG';
            const edit = insertLinesAfter(model, stage.from, [`${arg} ${name}`]);
            report({
              messageId: 'predefined', data: { name }, range: use.range,
              fixes: edit ? [{ messageId: 'declare', data: { name }, safety: 'safe', edits: [edit] }] : [],
            });
          } else if (typo && suggestion !== undefined) {
            report({
              messageId: 'typo', data: { name, suggestion }, range: use.range,
              fixes: [{ messageId: 'rename', data: { suggestion }, safety: 'unsafe', edits: [replace(use.nameRange, suggestion)] }],
            });
          } else {
            const where = base.kind === 'image' ? ` and base image '${base.name}' does not set it` : ' and the stage is built on scratch';
            report({ messageId: 'undefined', data: { name, base: where }, range: use.range });
          }
        }
      }
    }
  },
});

type Base = { kind: 'scratch' } | { kind: 'image'; name: string; known: boolean } | { kind: 'unknown' };

/** What the stage chain is built on; undefined when there is no base at all (a FROM without image). */
function baseOf(model: DockerfileModel, stage: Stage): Base | undefined {
  const root = rootStage(stage);
  if (root.base.kind === 'missing') return undefined;
  if (root.base.kind === 'scratch') return { kind: 'scratch' };
  const facts = baseFactsOf(model, stage);
  // Windows: environment names are case-insensitive and the images' configuration is not curated; the backtick
  // escape character is the usual sign of a Windows Dockerfile on an image that is not curated either.
  if (facts.family === 'windows' || model.escapeChar === '`') return undefined;
  const name = rootImageName(stage);
  if (name === undefined || root.base.kind !== 'image' || root.base.resolved === undefined) return { kind: 'unknown' };
  // Chainguard images are many, each with its own ENV: their names are not curated here.
  return { kind: 'image', name, known: facts.known && !name.startsWith('cgr.dev/') };
}

/**
 * A near miss rather than another name: the same letters in another case, or one edit in a name of four or
 * more characters (`PAHT`), or two edits in a name of six or more (`APP_HOEM_DIR`). Shorter names are too close
 * to each other by chance (`$A` and `$B`).
 */
function isTypo(name: string, candidate: string): boolean {
  const d = boundedDistance(name.toLowerCase(), candidate.toLowerCase(), 2);
  return d === 0 || (d === 1 && name.length >= 4) || (d === 2 && name.length >= 6);
}

function sameLetters(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** How many declarations of an ARG instruction start before `at` (the last of them is the one `at` is in). */
function declarationsBefore(model: DockerfileModel, instr: Instr, at: Position): number {
  const decls = (instr.stage ? instr.stage.args : model.globalArgs).filter((d) => d.instr === instr);
  return decls.filter((d) => d.nameRange.start.line < at.line || (d.nameRange.start.line === at.line && d.nameRange.start.character < at.character)).length;
}
