/**
 * Mutations of real Dockerfiles, as fast-check arbitraries (so a failure shrinks to the fewest, smallest
 * mutations): lines dropped, duplicated and swapped; random bytes; unbalanced quotes and brackets; heredoc
 * markers without their end; huge continuations; words split by a continuation; escape directives mixed in; CRLF
 * and a BOM; truncation.
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly kind: 'drop' | 'duplicate' | 'truncate'; readonly at: number }
  | { readonly kind: 'swap'; readonly at: number; readonly other: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'continuation'; readonly at: number; readonly lines: number; readonly blank: boolean }
  | { readonly kind: 'split'; readonly at: number; readonly column: number }
  | { readonly kind: 'escape'; readonly at: number; readonly directive: string }
  | { readonly kind: 'crlf' | 'bom' | 'cr' };

/** Fragments that stress the parser and the rules: quotes, brackets, heredocs, variables, flags, directives. */
const FRAGMENTS = [
  '"', "'", '`', '\\', '[', ']', '{', '}', '(', ')', '${', '$', '${VAR:-', '${A:+x}', '$(', '#', '=', '--', '--mount=', '--from=',
  '--mount=type=cache,target=', '--mount=type=bind,from=', '<<', '<<EOF', '<<-"END"', "<<'X'", 'EOF', '&&', '||', ';', '|', '\t', ' \\',
  '\n', '\r', '\r\n', '\u0000', '\uFEFF', '\u00e9', '\u{1F600}', '\uD800', 'AS', ' AS ', 'FROM ', 'ONBUILD ', 'ARG ', 'ENV ', 'COPY ', 'RUN ',
  '["sh", "-c"', '["a",', '[]', '{"a":1}', '# escape=`', '# syntax=docker/dockerfile:1', '# stagelint-ignore no-latest-tag -- x',
  '# hadolint ignore=DL3008', '# check=skip=all', 'scratch', ':latest', '@sha256:', 'apt-get install -y', 'apk add', 'pip install',
  'npm ci', 'cd /x', 'sudo ', 'curl | sh', 'USER root', 'WORKDIR rel', 'EXPOSE 80/tcp', 'HEALTHCHECK NONE', 'SHELL ["x"]', 'MAINTAINER a',
];

const HEREDOC_STARTS = ['RUN <<EOF', 'RUN <<-EOF\n\techo hi', 'COPY <<A <<B /x/', 'RUN cat <<"EOT" > /f', 'RUN <<EOF bash\nset -e', 'ONBUILD RUN <<X'];
const ESCAPE_DIRECTIVES = ['# escape=`', '# escape=\\', '#escape=`', '# ESCAPE = `', '# escape=x', '# escape=', '# escape=`\n# escape=\\', '# syntax=x\n# escape=`'];

const position = fc.nat({ max: 1 << 20 });
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HEREDOC_STARTS).map((s) => `\n${s}\n`) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const, 'truncate' as const), at: position }),
  fc.record({ kind: fc.constant('swap' as const), at: position, other: position }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text }) },
  fc.record({ kind: fc.constant('continuation' as const), at: position, lines: fc.integer({ min: 1, max: 400 }), blank: fc.boolean() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), at: position, column: position }) },
  fc.record({ kind: fc.constant('escape' as const), at: position, directive: fc.constantFrom(...ESCAPE_DIRECTIVES) }),
  fc.record({ kind: fc.constantFrom('crlf' as const, 'bom' as const, 'cr' as const) }),
);

export function applyMutation(input: string, m: Mutation): string {
  const lines = input.split('\n');
  const line = 'at' in m ? m.at % Math.max(1, lines.length) : 0;
  switch (m.kind) {
    case 'drop':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'swap': {
      const other = m.other % Math.max(1, lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
    case 'truncate':
      return input.slice(0, m.at % (input.length + 1));
    case 'insert': {
      const at = m.at % (input.length + 1);
      return input.slice(0, at) + m.text + input.slice(at);
    }
    case 'continuation': {
      // A RUN continued over many lines (optionally with blank ones in between, which BuildKit warns about).
      const body = Array.from({ length: m.lines }, (_, i) => (m.blank && i % 7 === 3 ? '' : `    && echo ${i} \\`));
      lines.splice(line, 0, 'RUN set -e \\', ...body, '    && true');
      return lines.join('\n');
    }
    case 'split': {
      // A line continuation inside a word (`--mount=type=bind,\⏎from=x`): BuildKit joins the lines into one word
      // again, and every position after the break moves to the next line.
      const text = lines[line] ?? '';
      const column = m.column % (text.length + 1);
      lines.splice(line, 1, `${text.slice(0, column)}\\`, text.slice(column));
      return lines.join('\n');
    }
    case 'escape':
      lines.splice(m.at % 3 === 0 ? 0 : line, 0, m.directive);
      return lines.join('\n');
    case 'crlf':
      return input.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return input.replace(/\r?\n/g, (_, i: number) => (i % 2 ? '\r' : '\n'));
    case 'bom':
      return '\uFEFF' + input;
  }
}

/** A corpus file (by index) with 1–4 mutations applied in order. */
export function mutatedCorpus(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([index, mutations]) => mutations.reduce(applyMutation, corpus[index]!));
}
