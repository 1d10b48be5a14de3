/** ObjectMemo: WeakMap's get/set/has, with the value kept on its key (hidden from equality and JSON). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../server/src/analysis/astParser';
import { forgetMemos, MemoSlot, ObjectMemo, withMemoSlot } from '../../server/src/analysis/memo';

describe('ObjectMemo', () => {
  it('keeps one value per key and memo', () => {
    const a = new ObjectMemo<object, number>();
    const b = new ObjectMemo<object, string>();
    const key = {};
    expect(a.has(key)).toBe(false);
    expect(a.get(key)).toBeUndefined();
    a.set(key, 1).set(key, 2);
    b.set(key, 'x');
    expect(a.get(key)).toBe(2);
    expect(b.get(key)).toBe('x');
    expect(a.has({})).toBe(false);
    expect(new ObjectMemo<object, number>().has(key)).toBe(false);
  });

  it('stores undefined as a value', () => {
    const memo = new ObjectMemo<object, undefined>();
    const key = {};
    memo.set(key, undefined);
    expect(memo.has(key)).toBe(true);
  });

  it('leaves equality, keys and JSON of the key unchanged', () => {
    const key = { a: 1 };
    new ObjectMemo<object, number>().set(key, 5);
    expect(key).toEqual({ a: 1 });
    expect(Object.keys(key)).toEqual(['a']);
    expect(JSON.stringify(key)).toBe('{"a":1}');
  });

  it('falls back to a WeakMap for frozen keys', () => {
    const memo = new ObjectMemo<object, number>();
    const key = Object.freeze({});
    memo.set(key, 3);
    expect(memo.get(key)).toBe(3);
    expect(memo.has(key)).toBe(true);
  });
});

describe('ObjectMemo slots', () => {
  it('keeps the values of many memos on one key, each updated in place', () => {
    const memos = Array.from({ length: 7 }, () => new ObjectMemo<object, number>());
    const key = { a: 1 };
    memos.forEach((m, i) => m.set(key, i));
    memos.forEach((m, i) => m.set(key, i * 10));
    expect(memos.map((m) => m.get(key))).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(memos.every((m) => m.has(key))).toBe(true);
    expect(new ObjectMemo<object, number>().has(key)).toBe(false);
    expect(key).toEqual({ a: 1 });
    expect(Object.getOwnPropertySymbols(key).filter((s) => Object.prototype.propertyIsEnumerable.call(key, s))).toEqual([]);
  });

  it('stores on a MemoSlot instance without defining a property', () => {
    class Thing extends MemoSlot {
      constructor(readonly name: string) {
        super();
      }
    }
    const a = new ObjectMemo<Thing, string>();
    const b = new ObjectMemo<Thing, string>();
    const t = new Thing('x');
    Object.freeze(t);
    a.set(t, 'A');
    b.set(t, 'B');
    expect([a.get(t), b.get(t), a.has(t), b.has(new Thing('x'))]).toEqual(['A', 'B', true, false]);
    // In the reserved slot even though frozen: a frozen key that is no MemoSlot goes to the memo's WeakMap.
    expect([a, b].map((m) => (m as unknown as { fallback: unknown }).fallback)).toEqual([undefined, undefined]);
    expect(Object.getOwnPropertySymbols(t)).toEqual([]);
    expect(t).toEqual(new Thing('x'));
    expect(JSON.stringify(t)).toBe('{"name":"x"}');
  });
});

describe('withMemoSlot', () => {
  it("reserves the slot in a subclass of another library's class, as the parser's instruction nodes do", () => {
    class Library {
      constructor(readonly name: string) {}
    }
    const Slotted = withMemoSlot(Library);
    const memo = new ObjectMemo<object, number>();
    const key = new Slotted('x');
    memo.set(key, 1);
    expect([memo.get(key), key instanceof Library, key.name]).toEqual([1, true, 'x']);
    expect(Object.getOwnPropertySymbols(key)).toEqual([]);
    const [node] = parseDockerfile('FROM alpine\n').getInstructions();
    memo.set(node!, 2);
    expect([memo.get(node!), Object.getOwnPropertySymbols(node!).map((sym) => sym.description)]).toEqual([2, ['generation']]);
  });
});

describe('forgetMemos', () => {
  it("drops every memo's value on a key, a MemoSlot instance's too, and the memos keep working", () => {
    class Thing extends MemoSlot {}
    const a = new ObjectMemo<object, number>();
    const b = new ObjectMemo<object, number>();
    const plain = {};
    const slotted = new Thing();
    const other = {};
    for (const key of [plain, slotted, other]) {
      a.set(key, 1);
      b.set(key, 2);
    }
    forgetMemos(plain);
    forgetMemos(slotted);
    forgetMemos({});
    expect([plain, slotted, other].map((k) => [a.has(k), b.has(k)])).toEqual([[false, false], [false, false], [true, true]]);
    a.set(plain, 3);
    expect([a.get(plain), b.get(plain)]).toEqual([3, undefined]);
  });
});

describe('caches of what a lint makes', () => {
  it('are ObjectMemos, not WeakMaps (whose values of dead models young-generation collections kept copying)', () => {
    const src = resolve(__dirname, '..', '..', 'server', 'src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const perLint = /new Weak(?:Map|Set)<\s*(?:DockerfileModel|Stage|Instr|Instruction|RunScript|ShellCommand)\b/;
    expect(files.filter((f) => perLint.test(readFileSync(join(src, f), 'utf8')))).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });
});
