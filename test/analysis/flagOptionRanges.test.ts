import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { mountFlags } from '../../server/src/analysis/runMounts';

/** Each option of the RUN's --mount flags as the document shows it at the option's ranges. */
function optionsAsWritten(text: string): { range: string; value: string | null }[] {
  const m = buildModel(text);
  const run = m.instructions.find((i) => i.keyword === 'RUN')!;
  return mountFlags(run).flatMap((f) =>
    f.options.map((o) => ({ range: m.document.getText(o.range), value: o.valueRange ? m.document.getText(o.valueRange) : null })),
  );
}

const JOINED = [
  { range: 'type=bind', value: 'bind' },
  { range: 'from=builder', value: 'builder' },
  { range: 'target=/src', value: '/src' },
];

describe('flag options across a line continuation', () => {
  it.each([
    ['after a comma', 'FROM alpine\nRUN --mount=type=bind,\\\nfrom=builder,target=/src make\n'],
    ['with CRLF line ends', 'FROM alpine\r\nRUN --mount=type=bind,\\\r\nfrom=builder,target=/src make\r\n'],
    ['with blanks after the escape character', 'FROM alpine\nRUN --mount=type=bind,\\  \nfrom=builder,target=/src make\n'],
    ['with the backtick escape', '# escape=`\nFROM alpine\nRUN --mount=type=bind,`\nfrom=builder,target=/src make\n'],
    ['across a comment line and an empty line', 'FROM alpine\nRUN --mount=type=bind,\\\n# the build output\n\nfrom=builder,target=/src make\n'],
    ['over two continuations', 'FROM alpine\nRUN --mount=type=bind,\\\nfrom=builder,\\\ntarget=/src make\n'],
  ])('%s: each range holds its option', (_name, text) => {
    expect(optionsAsWritten(text)).toEqual(JOINED);
  });

  it('inside an option, its range spans the break and its value is where the value is', () => {
    const text = 'FROM alpine\nRUN --mount=type=bind,fr\\\nom=builder,target=/src make\n';
    const m = buildModel(text);
    const from = mountFlags(m.instructions[1]!)[0]!.options[1]!;
    expect(from).toMatchObject({ name: 'from', value: 'builder' });
    expect(m.document.getText(from.range)).toBe('fr\\\nom=builder');
    expect(from.valueRange).toEqual({ start: { line: 2, character: 3 }, end: { line: 2, character: 10 } });
  });

  it('places an empty value right after its =', () => {
    const m = buildModel('FROM alpine\nRUN --mount=type=bind,\\\nfrom=,target=/src make\n');
    const from = mountFlags(m.instructions[1]!)[0]!.options[1]!;
    expect(from.value).toBe('');
    expect(from.valueRange).toEqual({ start: { line: 2, character: 5 }, end: { line: 2, character: 5 } });
  });

  it('leaves single-line flags and a flag the next line does not continue as the parser reads them', () => {
    expect(optionsAsWritten('FROM alpine\nRUN --mount=type=bind,from=builder,target=/src make\n')).toEqual(JOINED);
    // A continuation line starting with a blank ends the word: BuildKit runs `from=builder,target=/src make`.
    expect(optionsAsWritten('FROM alpine\nRUN --mount=type=bind,\\\n    from=builder,target=/src make\n')).toEqual([{ range: 'type=bind', value: 'bind' }]);
  });

  it('makes the stage referenced from the next line a reference of the model, at its name', () => {
    const text = 'FROM golang AS builder\nRUN go build\nFROM alpine\nRUN --mount=type=bind,\\\nfrom=builder,target=/src make\n';
    const m = buildModel(text);
    const [ref] = m.referencesTo(m.stageByName('builder')!);
    expect(ref && m.document.getText(ref.range)).toBe('builder');
    expect(ref!.range.start).toEqual({ line: 4, character: 5 });
  });
});
