/**
 * `parseDockerfile` (dockerfile-ast's parser with arguments computed once per instruction and without the second
 * construction of each instruction) must give the very tree `DockerfileParser.parse` gives. Both trees are
 * projected through every public query of every node (arguments, flags and their options, properties, JSON
 * strings, heredocs, variables, FROM parts, ONBUILD triggers, comments, directives) and compared, on tricky
 * inputs, on every corpus file, and on random texts over the characters the argument scanner reacts to.
 */
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../server/src/analysis/astParser';
import { generatedDockerfile } from '../fuzz/generate';
import { corpusFiles } from '../support/corpus';
import { tree } from '../support/astTree';

function expectSameTree(text: string) {
  expect(tree(parseDockerfile, text)).toEqual(tree((t) => DockerfileParser.parse(t), text));
}

const TRICKY: Record<string, string> = {
  'escape directive backtick': '# escape=`\nFROM mcr.microsoft.com/windows AS base\nRUN Write-Host `\n    "a b" `\n  ; dir c:\\\nCOPY --from=base C:\\x `\n D:\\y\n',
  'line continuations with comments and blank lines': 'FROM alpine\nRUN apk add \\\n# a comment\n    curl \\\n\n    git \\\n  # indented comment\n  && ls\n',
  'continuation followed by blanks': 'FROM alpine\nRUN a \\   \n  b \\\t\n c\n',
  'escaped blanks inside words': 'FROM alpine\nRUN echo a\\ b \\  c\nWORKDIR /my\\ dir\n',
  'escaped dollar and escape at end of file': 'FROM alpine\nENV A=\\$HOME B=\\x\nRUN echo \\',
  'escape and blanks at end of file': 'FROM alpine\nRUN echo \\   ',
  'JSON forms': 'FROM alpine\nCMD ["sh", "-c", "echo \\"hi\\""]\nENTRYPOINT []\nSHELL [ "pwsh" , "-c" ]\nRUN ["a",\\\n "b"]\nCMD [ ]\nCMD ["unterminated\n',
  'heredocs': 'FROM alpine\nRUN <<EOF\necho hi\nEOF\nCOPY <<A <<-"B" /x/\na\nA\n\tb\n\tB\nRUN <<EOF cat > /f\nx\nEOF\nRUN cat <<\\\nEOF\nbody\nEOF\nRUN <<UNTERMINATED\nbody\n',
  'flags with and without values': 'FROM --platform=$BUILDPLATFORM alpine AS b\nCOPY --from=b --chown= --link /a /b\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none -- echo\nRUN --mount --=x echo\nHEALTHCHECK --interval=5s --retries CMD curl -f x\nADD --checksum=sha256:abc --keep-git-dir=true https://x /y\n',
  'flags split by continuations': 'FROM alpine\nRUN --mount=type=cache,\\\ntarget=/x \\\n  --network=host echo\nCOPY -\\\n-from=x a b\n',
  'empty instructions': 'FROM\nRUN\nRUN   \nCMD\nCOPY\nARG\nENV\nLABEL\nHEALTHCHECK\nONBUILD\nUSER',
  'properties': 'FROM alpine\nARG A B=1 C="x y" D=\'q\'\nENV X=1 Y="a b" Z=\\"q\nENV LEGACY value with spaces\nLABEL "k"="v" k2=v\\ 2 k3=\nARG =x\n',
  'ONBUILD triggers': 'FROM alpine\nONBUILD RUN --mount=type=cache,target=/x echo hi\nONBUILD COPY --from=b a b\nONBUILD ONBUILD RUN x\nONBUILD\n',
  'CRLF and lone CR': 'FROM alpine\r\nRUN a \\\r\n  b\r\nCOPY a b\rRUN c \\\r  d\r\n',
  'escape, blanks and a lone CR': 'FROM alpine\nRUN a \\ \rbc d\nRUN e \\\t\r\n f\nRUN g\\ \rh\n',
  'byte order mark and directives': '\uFEFF# syntax=docker/dockerfile:1\n# check=skip=all\nFROM alpine\n',
  'unknown instructions and odd keywords': 'FROM alpine\nFOO bar baz\nR\\\nUN echo\nrun echo lower\nMAINTAINER me\nSTOPSIGNAL SIGTERM\nVOLUME ["/a", "/b"]\nVOLUME /c /d\nEXPOSE 80/tcp 443\n',
  'comments after continuation markers': 'FROM alpine\nRUN a && \\ # note\n  b\nRUN x \\\n  # c \\\n  y\n',
  'tabs and trailing blanks': 'FROM\talpine\t\nRUN\techo\t"a\tb"\t\nWORKDIR\t/x  \n',
  'variables': 'FROM ${BASE:-alpine}:$TAG\nARG V=${X:+y}\nRUN echo $A ${B} ${C:-d} \\$E\nLABEL a=$F b=\'$G\'\n',
};

describe('parseDockerfile', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`gives dockerfile-ast's tree: ${name}`, () => expectSameTree(text));
  }

  it('hands out a fresh argument array on every call', () => {
    const run = parseDockerfile('FROM alpine\nRUN --network=none echo hi\n').getInstructions()[1]!;
    const first = run.getArguments();
    first.length = 0;
    expect(run.getArguments().map((a) => a.getValue())).toEqual(['echo', 'hi']);
  });

  const files = corpusFiles();
  // dockerfile-ast's own queries are slow (that is why this parser exists): the corpus goes in chunks, one round each.
  const CHUNK = 40;
  for (let from = 0; from === 0 || from < files.length; from += CHUNK) {
    it(`gives dockerfile-ast's tree for corpus files ${from + 1}-${Math.min(from + CHUNK, files.length)}`, () => {
      expect(files.length).toBeGreaterThan(0);
      for (const { name: file, text } of files.slice(from, from + CHUNK)) {
        expect({ file, tree: tree(parseDockerfile, text, 1) }).toEqual({ file, tree: tree((t) => DockerfileParser.parse(t), text, 1) });
      }
    });
  }

  it("gives dockerfile-ast's tree for generated Dockerfiles (seed 20261124)", () => {
    fc.assert(fc.property(generatedDockerfile, (text) => expectSameTree(text)), { seed: 20261124, numRuns: 300 });
  });

  it("gives dockerfile-ast's tree for random texts of the characters the scanner reacts to (seed 20261124)", () => {
    const piece = fc.constantFrom(
      ' ', '\t', '\n', '\r', '\r\n', '\\', '`', '#', '$', '"', "'", '<<', '<<-', '-', '--', '=', ',', '[', ']', 'a', 'EOF', 'x=1',
      'FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', '# escape=`\n', '--mount=type=cache,target=/x ',
    );
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => expectSameTree(t)), { seed: 20261124, numRuns: 2000 });
  });
});
