/** ScratchList (lists reused across calls) and the parsers reused across parses that fill them. */
import { describe, expect, it } from 'vitest';
import { ScratchList } from '../../server/src/analysis/scratchList';
import { parseMappedShell, parseShell } from '../../server/src/analysis/shell';
import type { MappedSource } from '../../server/src/analysis/shellSource';
import { recognize } from '../../server/src/analysis/packageManagers';

describe('ScratchList', () => {
  it('copies out its entries at their size, from an index on, and empties without keeping them', () => {
    const list = new ScratchList<{ n: number }>();
    const a = { n: 1 };
    list.push(a);
    list.push({ n: 2 });
    list.push({ n: 3 });
    expect(list.length).toBe(3);
    expect([list.at(0), list.at(2)?.n, list.at(3), list.at(-1)]).toEqual([a, 3, undefined, undefined]);
    const all = list.copy();
    const tail = list.copy(1);
    expect(list.copy(0, 2).map((x) => x.n)).toEqual([1, 2]);
    expect(all.map((x) => x.n)).toEqual([1, 2, 3]);
    expect(tail.map((x) => x.n)).toEqual([2, 3]);
    list.clear();
    expect([list.length, list.at(0), list.copy()]).toEqual([0, undefined, []]);
    list.push({ n: 4 });
    expect(list.copy().map((x) => x.n)).toEqual([4]);
    // Never past the entries: the storage beyond them holds cleared slots, not entries.
    expect(list.copy(0, 3)).toEqual([{ n: 4 }]);
    // Copies are the caller's: emptying the list changed none of them.
    expect(all.map((x) => x.n)).toEqual([1, 2, 3]);
    expect((list as unknown as { items: unknown[] }).items.slice(1).every((x) => x === undefined)).toBe(true);
  });
});

describe('reused parsers', () => {
  const texts = [
    'apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*',
    'if [ -f x ]; then sh -c "bash -c \'apk add --no-cache gcc; echo done\'" ; fi | tee log 2>&1',
    'for x in a b; do (cd $x && make); done; f() { echo hi; }; f',
    'python -m pip install -r requirements.txt --no-cache-dir',
    // Texts that end inside a construct or after an operator leave the parser mid-state: the next parse must not start there.
    'if true; then ( ! f() { echo a &&',
    'case $x in a) echo "open',
    'for x in a b',
    'echo [[ -f a',
    'function g',
    'cat <<EOF',
    'echo one\necho two',
    'echo a && !',
    '>log echo hi',
    '(cd b)',
  ];

  it('parse each text the same whatever was parsed before', () => {
    const first = texts.map((t) => parseShell(t));
    const again = [...texts].reverse().map((t) => parseShell(t)).reverse();
    expect(again).toEqual(first);
    expect(again.map((s) => s.commands.map((c) => c.index))).toEqual(first.map((s) => s.commands.map((_, i) => i)));
  });

  it('keep what a parse that threw had found, and parse the next texts as if it had not run', () => {
    const first = texts.map((t) => parseShell(t));
    const s = 'echo a && if true; then sh -c "apk add b" && echo c; fi';
    // A map that fails for the first word after `then`: the parse stops inside an `if`, with a command under way.
    const throwing: MappedSource = {
      s,
      end: s.length,
      offset: (i) => {
        if (i >= s.indexOf('sh -c')) throw new Error('map failed');
        return i;
      },
    };
    expect(parseMappedShell(s, throwing).commands.map((c) => c.words.map((w) => w.value).join(' '))).toEqual(['echo a', 'true']);
    expect(texts.map((t) => parseShell(t))).toEqual(first);
  });

  it('keep the words of every command of a nested parse apart', () => {
    const { commands } = parseShell(texts[1]!);
    expect(commands.map((c) => c.words.map((w) => w.value).join(' '))).toEqual([
      '[ -f x ]',
      `sh -c bash -c 'apk add --no-cache gcc; echo done'`,
      `bash -c apk add --no-cache gcc; echo done`,
      'apk add --no-cache gcc',
      'echo done',
      'tee log',
    ]);
    expect(commands.map((c) => c.parent?.index ?? -1)).toEqual([-1, -1, 1, 2, 2, -1]);
  });

  it('recognize package commands with their own options and operands, one after another', () => {
    const [update, install] = parseShell(texts[0]!).commands;
    const pip = parseShell(texts[3]!).commands[0]!;
    const a = recognize(install!)!;
    const b = recognize(pip)!;
    expect([recognize(update!)?.action, a.options.map((w) => w.value), a.operands.map((w) => w.value)]).toEqual(['update', ['-y'], ['curl', 'ca-certificates']]);
    expect([b.manager, b.options.map((w) => w.value), b.operands.map((w) => w.value)]).toEqual(['pip', ['-r', 'requirements.txt', '--no-cache-dir'], []]);
  });
});
