import { syntaxIssues } from '../analysis/syntaxIssues';
import { closest } from '../engine/config';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

export default defineRule({
  id: 'dockerfile-syntax',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    // BuildKit's parse errors are not lint checks: they cannot be skipped, so there is no peer suppression.
    sources: [],
    messages: {
      parseCrash: 'The Dockerfile parser failed on this file ({{detail}}), so no other check could run',
      unknownInstruction: "Unknown instruction '{{name}}', so BuildKit rejects the file",
      unknownInstructionSuggest: "Unknown instruction '{{name}}' (did you mean '{{suggestion}}'?), so BuildKit rejects the file",
      beforeFrom: "'{{keyword}}' comes before the first FROM, where only ARG is allowed, so BuildKit rejects the file",
      noStage: 'The file has no FROM instruction, so there is no stage to build',
      missingArgs: "'{{keyword}}' requires {{expected}}, so BuildKit rejects the file",
      fromArgs: "FROM takes an image optionally followed by 'AS <name>', so BuildKit rejects the file",
      invalidStageName: "Stage name '{{name}}' must start with a letter and contain only letters, digits, '-', '_' and '.', so BuildKit rejects the file",
      unknownFlag: "Unknown flag '--{{name}}' for {{keyword}}, so BuildKit rejects the file",
      unknownFlagSuggest: "Unknown flag '--{{name}}' for {{keyword}} (did you mean '--{{suggestion}}'?), so BuildKit rejects the file",
      flagValueMissing: "Flag '--{{name}}' needs a value ('--{{name}}=…'), so BuildKit rejects the file",
      flagBool: "Flag '--{{name}}' takes true or false, not '{{value}}', so BuildKit rejects the file",
      flagDuplicate: "Flag '--{{name}}' is given twice, so BuildKit rejects the file",
      flagValue: "'{{value}}' is not a valid {{what}} for '--{{name}}', so BuildKit rejects the file",
      mountType: "Unknown mount type '{{value}}' (use bind, cache, tmpfs, secret or ssh), so BuildKit rejects the file",
      mountKey: "Unknown '--mount' option '{{name}}', so BuildKit rejects the file",
      mountKeySuggest: "Unknown '--mount' option '{{name}}' (did you mean '{{suggestion}}'?), so BuildKit rejects the file",
      mountField: "'--mount' option '{{name}}' must be written '{{name}}=value', so BuildKit rejects the file",
      shellNotJson: 'SHELL must be written in JSON form, e.g. SHELL ["/bin/sh", "-c"], so BuildKit rejects the file',
      healthcheckType: "HEALTHCHECK takes CMD or NONE, not '{{value}}', so BuildKit rejects the file",
      healthcheckNoneArgs: 'HEALTHCHECK NONE takes no arguments, so BuildKit rejects the file',
      onbuildTrigger: "'{{trigger}}' is not allowed as an ONBUILD trigger, so BuildKit rejects the file",
      pairSyntax: "'{{word}}' has no '=': {{keyword}} pairs must be written name=value, so BuildKit rejects the file",
      pairNoValue: "{{keyword}} '{{name}}' has no value, so BuildKit rejects the file",
      blankName: '{{keyword}} has an empty name before =, so BuildKit rejects the file',
      heredocUnterminated: "Heredoc '{{name}}' is never closed by a line reading '{{name}}', so BuildKit rejects the file",
      emptyBaseName: "The base image '{{text}}' is empty because no global ARG declares {{vars}}, so the build fails",
      invalidReference: "'{{ref}}' is not a valid image reference, so the build fails",
      invalidEscape: "The escape directive must be '\\' or '`', not '{{value}}', so BuildKit rejects the file",
      duplicateDirective: "The '{{name}}' parser directive is given twice, so BuildKit rejects the file",
      replaceName: "Replace '{{name}}' with '{{suggestion}}'",
    },
    docs: {
      summary: 'Reports what BuildKit rejects before building: unknown instructions and flags, wrong argument counts, invalid forms',
      rationale:
        'These mistakes stop `docker build` before the first step runs, often after a long wait in CI. The rule ' +
        'follows BuildKit, not older parsers: it reports unknown instructions, instructions before the first ' +
        '`FROM`, wrong argument counts, unknown or misspelt flags (`--form` for `--from`), flag values BuildKit ' +
        'refuses, unknown `--mount` types and options, `SHELL` not in JSON form, invalid `HEALTHCHECK` and ' +
        '`ONBUILD` forms, `ENV`/`LABEL` pairs without `=`, invalid stage names, unterminated heredocs, a `FROM` ' +
        'image that is empty after ARG expansion, and image references with invalid syntax.\n\n' +
        'It stays silent on what BuildKit accepts: `COPY a b .` (several sources into a `.` directory — only the ' +
        'classic builder required a trailing `/`), and malformed JSON in `RUN`/`CMD`/`ENTRYPOINT`, which BuildKit ' +
        'silently runs as a shell command instead.',
      fixSafety:
        'A misspelt flag or `--mount` option within edit distance 2 of exactly the name BuildKit expects is ' +
        'renamed to it. The flag name was invalid, so the build could not have produced anything before the fix.',
      examples: {
        invalid: [
          'FROM golang:1.22 AS build\nCOPY --form=build /src /src\n',
          'FROM alpine\nRUNN echo hi\n',
          'FROM alpine\nSHELL /bin/bash -c\n',
        ],
        valid: ['FROM golang:1.22 AS build\nCOPY go.mod go.sum .\nRUN --mount=type=cache,target=/root/.cache go build ./...\n'],
      },
    },
  },
  check({ model, report }) {
    for (const issue of syntaxIssues(model)) {
      const suggestion = issue.typo ? suggest(issue.typo.name, issue.typo.candidates) : undefined;
      if (suggestion && issue.typo) {
        const messageId =
          issue.kind === 'unknownInstruction' ? 'unknownInstructionSuggest' : issue.kind === 'unknownFlag' ? 'unknownFlagSuggest' : 'mountKeySuggest';
        // Instruction names are not renamed automatically: a misspelt keyword may equally be a broken line continuation.
        // Nor is a name the document does not spell at its range as the parser read it (`-\` + newline + `-interval`:
        // a dash joined by a continuation), where the rename would change nothing.
        const fixes =
          issue.kind === 'unknownInstruction' || model.textOf(issue.typo.range) !== issue.typo.name
            ? []
            : [{ messageId: 'replaceName' as const, data: { name: issue.typo.name, suggestion }, safety: 'safe' as const, edits: [replace(issue.typo.range, suggestion)] }];
        report({ messageId, data: { ...issue.data, suggestion }, range: issue.range, fixes });
        continue;
      }
      report({ messageId: issue.kind, data: issue.data, range: issue.range });
    }
  },
});

/** The one valid name a typo most likely meant; short names allow a single edit only. */
function suggest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const upper = candidates.every((c) => c === c.toUpperCase());
  const written = upper ? name.toUpperCase() : name;
  const max = written.length <= 4 ? 1 : 2;
  const best = closest(written, candidates, max);
  if (!best) return undefined;
  // Case-only differences of flags are typos too (`--FROM`), but the fix must use BuildKit's spelling.
  return best;
}
