/**
 * `Instr.heredocs` skips the parser's heredoc scan for instructions without '<' (a speed-up: that scan re-reads
 * every argument). These cases pin that the model still agrees with dockerfile-ast's own `getHeredocs()`,
 * also for a '<<' split by a line continuation and for instructions that are not RUN/COPY/ADD.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';

type WithHeredocs = { getHeredocs?: () => { getName(): string }[] };

function parserHeredocs(text: string): string[][] {
  return DockerfileParser.parse(text).getInstructions().map((i) => ((i as unknown as WithHeredocs).getHeredocs?.() ?? []).map((h) => h.getName()));
}

function modelHeredocs(text: string): string[][] {
  return buildModel(text).instructions.map((i) => i.heredocs.map((h) => h.name));
}

describe('Instr.heredocs', () => {
  const cases: Record<string, string> = {
    'RUN and COPY heredocs': 'FROM alpine\nRUN <<EOF\necho hi\nEOF\nCOPY <<A <<B /x/\na\nA\nb\nB\n',
    'a heredoc marker split by a line continuation': 'FROM alpine\nRUN <\\\n<EOF\necho hi\nEOF\n',
    'ENV, LABEL and ARG that mention <<': 'FROM alpine\nENV A=<<EOF\nLABEL x=<<y\nARG B=<<C\n',
    'instructions without any <': 'FROM alpine AS build\nARG X=1\nENV Y=2\nWORKDIR /src\nRUN make > out.txt\nCMD ["x"]\n',
    'redirects that are not heredocs': 'FROM alpine\nRUN cat < in.txt && grep a <in2\n',
    'ONBUILD with a heredoc trigger': 'FROM alpine\nONBUILD RUN <<EOF\necho hi\nEOF\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expect(modelHeredocs(text)).toEqual(parserHeredocs(text));
    });
  }

  it('keeps the body of a RUN heredoc', () => {
    const model = buildModel('FROM alpine\nRUN <<EOF\necho hi\nEOF\n');
    expect(model.instructions[1]!.heredocs).toMatchObject([{ name: 'EOF', content: 'echo hi' }]);
  });
});
