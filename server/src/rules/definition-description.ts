import type { Range } from 'vscode-languageserver-types';
import { argDeclsOf } from '../analysis/args';
import type { CommentInfo, DockerfileModel, Instr } from '../analysis/model';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'definition-description',
  meta: {
    category: 'style',
    defaultSeverity: 'info',
    recommended: false,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    // What this rule reports, BuildKit's (experimental) check reports too, so `# check=skip=...` silences it.
    sources: [{ tool: 'buildkit', id: 'InvalidDefinitionDescription', relation: 'same' }],
    messages: {
      arg: "The comment right above 'ARG {{name}}' does not start with '{{name}}', so BuildKit takes it for a description of the argument that breaks the '# {{name}} <description>' format",
      stage: "The comment right above stage '{{name}}' does not start with '{{name}}', so BuildKit takes it for a description of the stage that breaks the '# {{name}} <description>' format",
    },
    docs: {
      summary: 'A comment right above an ARG or a named FROM should describe it: `# <name> <description>`',
      rationale:
        '`docker build --call=outline` and `--call=targets` list build arguments and stages with a description ' +
        'taken from the comments right above the `ARG` or `FROM … AS name`: a comment line that starts with the ' +
        'argument\'s or the stage\'s name (`# VERSION of the tool to install`). BuildKit\'s experimental ' +
        '`InvalidDefinitionDescription` check looks at the comment line closest to the instruction and flags it ' +
        'when its first word is not the name: such a comment reads as a description that does not follow the ' +
        'format. Stage names are compared in lower case, as BuildKit stores them; argument names as written. This ' +
        'rule reports the same, except when another line of the same comment block already starts with the name ' +
        '(the outline finds the description there).\n\n' +
        'Off by default, like BuildKit\'s check. Comments that are not descriptions can be kept apart from the ' +
        'instruction by a blank line or an empty `#` line, as BuildKit\'s documentation says; this rule then ' +
        'stays silent. (BuildKit\'s parser currently carries comments across a blank line, so its check may still ' +
        'fire there; an empty `#` line separates for both.) Ignore comments (`# stagelint-ignore …`, ' +
        '`# hadolint ignore=…`) are not taken for descriptions. There is no automatic fix: rewriting the comment as ' +
        'a description or separating it from the instruction is the author\'s choice.',
      examples: {
        invalid: ['# the version to install\nARG VERSION=1.2\nFROM alpine AS base\n', 'FROM golang:1.22 AS build\n# compile the binary\nFROM build AS test\n'],
        valid: [
          '# VERSION of the tool to install\nARG VERSION=1.2\n# build compiles the binary\nFROM golang:1.22 AS build\n',
          '# tools we need\n\nARG VERSION=1.2\n# plain image, no description\n#\nFROM alpine AS base\n',
        ],
      },
      related: ['stage-name-casing'],
    },
  },
  check({ model, report }) {
    const comments = fullLineComments(model);
    const ignoreLines = new Set(model.suppressions.all.map((s) => s.range.start.line));
    model.instructions.forEach((instr, i) => {
      const target = definitionOf(model, instr);
      if (!target) return;
      const line = instr.range.start.line - 1;
      const comment = comments.get(line);
      const previous = model.instructions[i - 1];
      if (!comment || ignoreLines.has(line) || (previous && previous.range.end.line >= line)) return;
      const block = commentBlock(comments, line, previous ? previous.range.end.line : -1);
      const last = block[block.length - 1];
      // BuildKit checks the comment line closest to the instruction: its first word (split at spaces) must be a name.
      if (last === undefined || target.names.includes(last.split(' ')[0] ?? '')) return;
      // The outline takes any line of the block that starts with `<name> `: the description is there, only not last.
      if (block.some((text) => target.names.some((n) => text.startsWith(`${n} `)))) return;
      report({
        messageId: target.kind, data: { name: target.names[0]! }, range: target.range,
        related: [{ range: comment.range, message: 'The comment taken for a description' }],
      });
    });
  },
});

interface Definition {
  readonly kind: 'arg' | 'stage';
  /** Names the description may start with (an ARG may declare several). */
  readonly names: readonly string[];
  readonly range: Range;
}

function definitionOf(model: DockerfileModel, instr: Instr): Definition | undefined {
  if (instr.keyword === 'ARG') {
    const decls = argDeclsOf(instr, model.escapeChar);
    const first = decls[0];
    return first ? { kind: 'arg', names: decls.map((d) => d.name), range: first.nameRange } : undefined;
  }
  if (instr.keyword === 'FROM') {
    const name = instr.stage?.from === instr ? instr.stage.name : undefined;
    return name ? { kind: 'stage', names: [name.key], range: name.range } : undefined;
  }
  return undefined;
}

/**
 * The texts (after `#`, trimmed) of the comment lines that end at `line`, oldest first, as BuildKit collects them:
 * an empty `#` line starts the block afresh, and a blank line ends it (as BuildKit's documentation says).
 */
function commentBlock(comments: ReadonlyMap<number, CommentInfo>, line: number, after: number): string[] {
  const texts: string[] = [];
  for (let l = line; l > after; l--) {
    const comment = comments.get(l);
    if (!comment) break;
    const text = comment.text.replace(/^\s*#/, '').trim();
    if (text === '') break;
    texts.unshift(text);
  }
  return texts;
}

/** Comments that fill their line (not a `#` after an instruction on the same line), by line. */
function fullLineComments(model: DockerfileModel): Map<number, CommentInfo> {
  const byLine = new Map<number, CommentInfo>();
  for (const c of model.comments) {
    const before = model.textOf({ start: { line: c.range.start.line, character: 0 }, end: c.range.start });
    if (before.trim() === '') byLine.set(c.range.start.line, c);
  }
  return byLine;
}
