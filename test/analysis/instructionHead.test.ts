// dockerfile-syntax skips the joined logical line when headSettles() says the first physical line settles the
// word-count checks. Whenever it says so, the logical line split as BuildKit splits it must agree.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { headSettles } from '../../server/src/analysis/instructionHead';
import { joinLogicalLine, logicalLines, skipBlanks, splitWords, wordEnd } from '../../server/src/analysis/logicalLine';
import type { DockerfileModel, Instr } from '../../server/src/analysis/model';
import { parseJsonForm } from '../../server/src/analysis/syntaxIssues';
import { corpusTexts } from '../support/corpus';

const corpus = corpusTexts();

const samples = [
  'FROM alpine\nRUN -\\\n-network=bogus echo\nCOPY a\\\n b\nCOPY a b \\\n c\nRUN --mount=type=cache,\\\ntarget=/x echo\n',
  'FROM alpine\nWORKDIR \\\n /x\nRUN -- --foo x\nCMD \\\n["a"]\nEXPOSE\\\n80\nCOPY --chown=a "b c" \\\n d\nRUN [ -f x ] && y\n',
  'FROM alpine\nRUN --network=none \\\n  echo "a \\\n  b"\nCOPY --from=x\\\n  a b\nUSER 1000 \\\n\nVOLUME ["/a"]\nRUN \\v x\n',
  '# escape=`\nFROM alpine\nRUN --mount=type=bind `\n  x\nCOPY a `\n b\n',
  // Flags alone on the first line, the arguments on a later one.
  'FROM alpine\nRUN --mount=type=cache,target=/x \\\n    pip install a\nRUN --network=none \\\n  # a comment\n\n  echo hi\n',
  'FROM alpine\nRUN --mount=a \\\n  \\\n  --network=none echo\nRUN --mount=a \\\n  -\\\n-network=none echo\nRUN --mount=a \\\n  [ "x" ]\n',
  'FROM alpine\nCOPY --from=b \\\n  a b\nCOPY --from=b \\\n  a\\\n  b\nCOPY --chown=1 \\\n  ["a", "b"]\nRUN \\\n  echo x\nRUN\\\n  echo x\n',
  'FROM alpine\nRUN --mount=a \\\n\nRUN --mount=a \\\n  x\nRUN --mount=a \\\n  ab\\\ncd\nCOPY --from=b \\\n   \\\n a b\n',
  '# escape=`\nFROM alpine\nRUN --mount=type=cache,target=/x `\n  echo `\n  y\nCOPY --from=b `\n  # c\n  a b\n',
];

/** What the full check reads: the flags, the words after them and whether they start JSON form. */
function reference(model: DockerfileModel, instr: Instr) {
  const text = joinLogicalLine(logicalLines(model, instr)).text;
  const words = splitWords(text, model.escapeChar, instr.keywordRange.end.character);
  let i = 0;
  while (i < words.length && words[i]!.raw.startsWith('--')) {
    if (words[i]!.raw === '--') {
      i++;
      break;
    }
    i++;
  }
  const flags = words.slice(0, i).filter((w) => w.raw !== '--').length;
  const args = words.slice(i);
  const json = args.length > 0 ? parseJsonForm(text.slice(args[0]!.start)) : undefined;
  return { flags, args: args.length, json: json !== undefined };
}

/** Edits that move words onto continuation lines. */
function variants(text: string): string[] {
  const out = [text];
  for (const [from, to] of [[' ', ' \\\n'], ['=', '=\\\n'], ['-', '-\\\n'], [' ', '\\\n']] as const) {
    let k = 0;
    out.push(text.replace(new RegExp(from === '-' ? '-' : from, 'g'), (m) => (k++ % 3 === 1 ? to : m)));
  }
  return out;
}

describe('headSettles', () => {
  it('only settles what the joined logical line confirms (corpus, samples and lines split differently)', () => {
    let settled = 0;
    for (const source of [...samples, ...corpus]) {
      for (const text of variants(source)) {
        const model = buildModel(text, {});
        for (const instr of model.instructions) {
          for (const words of [1, 2]) {
            if (!headSettles(model, instr, words)) continue;
            settled++;
            const ref = reference(model, instr);
            const where = JSON.stringify({ line: instr.range.start.line, text: model.textOf(instr.range), words });
            expect(ref.flags, where).toBe(instr.flags.length);
            expect(ref.args, where).toBeGreaterThanOrEqual(words);
            expect(ref.json, where).toBe(false);
          }
        }
      }
    }
    expect(settled).toBeGreaterThan(1000);
  });

  it('reads the arguments from the next line with content when the flags fill the first line', () => {
    const settles = (text: string, words = 1) => {
      const model = buildModel(text, {});
      return model.instructions.slice(1).map((i) => headSettles(model, i, words));
    };
    expect(settles('FROM a\nRUN --mount=type=cache,target=/x \\\n    pip install a\nRUN --network=none \\\n  # c\n\n  echo hi\n')).toEqual([true, true]);
    expect(settles('FROM a\nCOPY --from=b \\\n   \\\n a b\nCOPY --from=b \\\n  a\\\n  b\n', 2)).toEqual([true, false]);
    // Another flag, a word that may become one, JSON form, nothing, or no blank before the marker: not settled.
    expect(settles('FROM a\nRUN --mount=a \\\n  --network=none echo\nRUN --mount=a \\\n  -\\\n-network=none echo\n')).toEqual([false, false]);
    expect(settles('FROM a\nRUN --mount=a \\\n  [ "x" ]\nRUN --mount=a\\\n  echo\nRUN --mount=a \\\n\n')).toEqual([false, false, false]);
  });

  it('splits words as BuildKit does (splitWords, skipBlanks and wordEnd)', () => {
    const cases: [string, string[]][] = [
      ['a "b c" d', ['a', '"b c"', 'd']],
      ["a 'b\\' c' d", ['a', "'b\\'", "c' d"]],
      ['a\\ b c', ['a\\ b', 'c']],
      ['--x="a b" y', ['--x="a b"', 'y']],
      ['x\t\ty', ['x', 'y']],
      ['"unclosed x', ['"unclosed x']],
      ['e\\', ['e\\']],
      ['  ', []],
    ];
    for (const [text, words] of cases) {
      expect(splitWords(text, '\\').map((w) => w.raw), text).toEqual(words);
      expect(splitWords(text, '\\').map((w) => text.slice(w.start, w.start + w.raw.length)), text).toEqual(words);
      const starts: number[] = [];
      for (let at = skipBlanks(text, 0); at < text.length; at = skipBlanks(text, wordEnd(text, '\\', at))) starts.push(at);
      expect(starts.map((at) => text.slice(at, wordEnd(text, '\\', at))), text).toEqual(words);
    }
  });
});
