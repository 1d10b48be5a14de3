/**
 * `ObjectMemo`: a cache of values by object (an instruction, a stage, a model) with `WeakMap`'s `get`/`set`/`has`,
 * that keeps each value on its key instead of in a weak table.
 *
 * Why not `WeakMap`: V8 revisits every `WeakMap` entry (an ephemeron) in each young-generation collection, and a
 * lint makes thousands of short-lived entries (one per instruction per cached fact). Linting the corpus spent more
 * time collecting garbage with its per-instruction `WeakMap` caches than the caches saved. A value stored on its key
 * is as weak as a `WeakMap` entry (it lives exactly as long as the key) and costs the collector nothing extra.
 * The same holds for one entry per model or stage: with a dozen model- and stage-keyed `WeakMap`s, linting the
 * corpus ten times had young-generation collections keep 249 MB alive and promote 222 MB to the old generation;
 * with `ObjectMemo`s, 114 and 94 MB (`--trace-gc-nvp`). The facts of each linted file were copied and promoted
 * although its model was already garbage.
 *
 * All memos of one key share one hidden, non-enumerable slot, so keys keep one shape whichever memos they are in,
 * and equality checks and JSON never see the slot. The slot is a flat list of (memo, value) pairs, not a `Map`: a
 * key is in a handful of memos at most (an instruction in one to four on the 2,000-line latency file), where a
 * scan is as fast as hashing, and a two-entry array is a fraction of a `Map`'s size (a `Map` per package command
 * was most of what caching recognised commands allocated). Keys that cannot take a property (frozen objects) fall
 * back to a `WeakMap`.
 *
 * A class whose instances are memo keys can reserve the slot (see `MemoSlot`, and `withMemoSlot` for a subclass of
 * another library's class): then memoising on an instance neither defines a property nor changes its shape.
 */
const SLOT = Symbol('stagelint.memo');

/** (memo, value) pairs, flat: `[memoA, valueA, memoB, valueB, …]`. */
type Pairs = unknown[];
type Slotted = { [SLOT]?: Pairs };

/**
 * Base for classes whose instances are memo keys: the slot is a private field behind an accessor on the prototype,
 * so it is no own property (equality checks, `Object.keys` and JSON do not see it) and setting it defines none.
 */
export class MemoSlot {
  #pairs: Pairs | undefined = undefined;

  get [SLOT](): Pairs | undefined {
    return this.#pairs;
  }

  set [SLOT](pairs: Pairs | undefined) {
    this.#pairs = pairs;
  }
}

/**
 * `Base` with the slot reserved as `MemoSlot` reserves it, for classes that extend another library's class (the
 * parser's instruction nodes: every node of a parse is a memo key). The same accessor written twice on purpose:
 * `MemoSlot` as `withMemoSlot(Object)` put one more prototype under every record and made linting the corpus 6-10%
 * slower (five interleaved pairs of runs).
 */
export function withMemoSlot<T extends new (...args: any[]) => object>(Base: T): T {
  return class extends Base {
    #pairs: Pairs | undefined = undefined;

    get [SLOT](): Pairs | undefined {
      return this.#pairs;
    }

    set [SLOT](pairs: Pairs | undefined) {
      this.#pairs = pairs;
    }
  };
}

export class ObjectMemo<K extends object, V> {
  private fallback: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const pairs = (key as Slotted)[SLOT];
    if (pairs) {
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === this) return pairs[i + 1] as V;
      return undefined;
    }
    return this.fallback?.get(key);
  }

  has(key: K): boolean {
    const pairs = (key as Slotted)[SLOT];
    if (pairs) {
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === this) return true;
      return false;
    }
    return this.fallback?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    const pairs = (key as Slotted)[SLOT];
    if (pairs) {
      for (let i = 0; i < pairs.length; i += 2) {
        if (pairs[i] === this) {
          pairs[i + 1] = value;
          return this;
        }
      }
      // A copy of the exact size rather than `push`, which leaves room for eight more pairs: a key is in two or
      // three memos of a lint, rarely five.
      const grown: Pairs = new Array(pairs.length + 2);
      for (let i = 0; i < pairs.length; i++) grown[i] = pairs[i];
      grown[pairs.length] = this;
      grown[pairs.length + 1] = value;
      (key as Slotted)[SLOT] = grown;
      return this;
    }
    // A reserved slot (`MemoSlot`, `withMemoSlot`), or one defined before and emptied by `forgetMemos`.
    if (!(SLOT in key)) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return this;
      }
      // One shared descriptor, then a plain store: a descriptor object per key cost as much as the slot itself.
      Object.defineProperty(key, SLOT, HIDDEN_SLOT);
    }
    (key as Slotted)[SLOT] = [this, value];
    return this;
  }
}

/** The slot as a property: hidden from `Object.keys`, equality checks and JSON; written by `set` only. */
const HIDDEN_SLOT: PropertyDescriptor = Object.freeze({ value: undefined, enumerable: false, writable: true, configurable: true });

/** Drops every memo value kept on `key` (what fell back to a `WeakMap` is left: frozen keys are rare). */
export function forgetMemos(key: object): void {
  if ((key as Slotted)[SLOT] !== undefined) (key as Slotted)[SLOT] = undefined;
}
