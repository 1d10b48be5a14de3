import type { Range } from 'vscode-languageserver-types';
import { addNamesDefinedBy, inheritedVariables } from '../analysis/definedVariables';
import { imageMaySetVariable, rootImageName } from '../analysis/imageEnv';
import { stagePhrase } from '../analysis/stageLabel';
import { shellAssignedNames, variableUses } from '../analysis/variableUses';
import { mentions, occurrences } from '../analysis/lineMentions';
import { defineRule } from '../engine/defineRule';
import { insertLinesAfter } from '../engine/fixes';

/** Proxy variables are passed to RUN without any ARG declaration. */
const AUTOMATIC = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

export default defineRule({
  id: 'global-arg-scope',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    // BuildKit's UndefinedVar looks at instructions it expands itself, never at RUN's shell text; this rule reports
    // RUN too, so it is no subset of that check and `# check=skip=UndefinedVar` does not silence it ('inspired').
    sources: [{ tool: 'buildkit', id: 'UndefinedVar', relation: 'inspired' }],
    messages: {
      outOfScope: "'{{name}}' is a global ARG, which {{stage}} does not see unless it declares 'ARG {{name}}', so it is empty here",
      declare: "Add 'ARG {{name}}' after the stage's FROM",
    },
    docs: {
      summary: 'A global ARG (declared before the first FROM) is empty inside a stage that does not redeclare it',
      rationale:
        'ARGs before the first `FROM` are only visible to `FROM` lines. Inside a stage they are empty until the ' +
        'stage says `ARG NAME` (which then takes the global default). So `ARG VERSION=1.2` at the top and `RUN ' +
        'curl …/v${VERSION}.tar.gz` in a stage downloads `v.tar.gz`. The rule checks the instructions BuildKit ' +
        'expands (COPY, ADD, ENV, LABEL, WORKDIR, USER, …) and RUN, where the shell sees stage ARGs as ' +
        'environment variables; in RUN it skips single-quoted text and names the script assigns itself. Variables ' +
        'that the base image may set in its own ENV (`CUDA_VERSION` in `nvidia/cuda`, `NODE_VERSION` in `node`, ' +
        '`PATH`) are not reported, because BuildKit expands those from the image. Variables that nothing declares ' +
        'are `no-undefined-variable`\'s. BuildKit\'s `UndefinedVar` check reports global ARGs used outside RUN ' +
        'too, but never looks into RUN, so `# check=skip=UndefinedVar` does not silence this rule; use ' +
        '`# stagelint-ignore global-arg-scope` for that.',
      fixSafety:
        "Inserting `ARG NAME` right after the stage's FROM gives the variable the global default, which is what " +
        'the author expected when using it.',
      examples: {
        invalid: ['ARG VERSION=1.2.3\nFROM alpine\nRUN wget https://example.com/tool-${VERSION}.tar.gz\n'],
        valid: ['ARG VERSION=1.2.3\nFROM alpine\nARG VERSION\nRUN wget https://example.com/tool-${VERSION}.tar.gz\n'],
      },
    },
  },
  check({ model, report }) {
    const globals = new Set(model.globalArgs.map((a) => a.name));
    if (globals.size === 0) return;
    // A use needs the global's name in the instruction's text: most instructions of a file have none, and their
    // variable uses and the stage's declarations before them are then never read.
    const named = occurrences(model, globals);
    if (named.length === 0) return;
    for (const stage of model.stages) {
      // The names declared before the current instruction, completed only when a use of a global asks.
      let declared: Set<string> | undefined;
      let declaredUpTo = 0;
      let image: string | undefined | null = null;
      const reported = new Set<string>();
      const instructions = stage.instructions;
      for (let k = 0; k < instructions.length; k++) {
        const instr = instructions[k]!;
        if (!mentions(model, named, instr)) continue;
        // Read only for a use of a global name (rare): scanning every RUN's text and the stage's edges for each
        // instruction was a third to a half of this rule's time on a corpus lint.
        let local: Set<string> | undefined;
        let fromRefs: Range[] | undefined;
        for (const use of variableUses(model, instr)) {
          const name = use.name;
          if (!globals.has(name) || reported.has(name) || AUTOMATIC.has(name)) continue;
          declared ??= inheritedVariables(stage, model.escapeChar);
          for (; declaredUpTo < k; declaredUpTo++) addNamesDefinedBy(instructions[declaredUpTo]!, model.escapeChar, declared);
          if (declared.has(name)) continue;
          if (instr.keyword === 'RUN' && (local ??= shellAssignedNames(model.textOf(instr.range))).has(name)) continue;
          if (image === null) image = rootImageName(stage);
          if (image !== undefined && imageMaySetVariable(name, image)) continue;
          // `--from=$X` / `from=$X` are never expanded: no-variable-in-copy-from reports them.
          fromRefs ??= model.edgesFrom(stage).filter((e) => e.instr === instr).map((e) => e.range);
          if (fromRefs.some((r) => r.start.line === use.range.start.line && r.start.character <= use.range.start.character && use.range.end.character <= r.end.character)) continue;
          reported.add(name);
          const arg = stage.from.keywordText === stage.from.keywordText.toLowerCase() ? 'arg' : 'ARG';
          const edit = insertLinesAfter(model, stage.from, [`${arg} ${name}`]);
          report({
            messageId: 'outOfScope',
            data: { name, stage: stagePhrase(stage) },
            range: use.range,
            fixes: edit ? [{ messageId: 'declare', data: { name }, safety: 'safe', edits: [edit] }] : [],
          });
        }
      }
    }
  },
});
