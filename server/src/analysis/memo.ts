/**
 * `ObjectMemo`: a cache of values by object (an instruction, a stage, a model) with `WeakMap`'s `get`/`set`/`has`,
 * that keeps each value on its key instead of in a weak table.
 *
 * Why not `WeakMap`: V8 revisits every `WeakMap` entry (an ephemeron) in each young-generation collection, and a
 * lint makes thousands of short-lived entries (one per instruction per cached fact). Linting the corpus spent more
 * time collecting garbage with its per-instruction `WeakMap` caches than the caches saved. A value stored on its key
 * is as weak as a `WeakMap` entry (it lives exactly as long as the key) and costs the collector nothing extra.
 *
 * All memos of one key share one hidden, non-enumerable slot (a small `Map`), so keys keep one shape whichever memos
 * they are in, and equality checks and JSON never see the slot. Keys that cannot take a property (frozen objects)
 * fall back to a `WeakMap`.
 */
const SLOT = Symbol('stagelint.memo');

type Slotted = { [SLOT]?: Map<ObjectMemo<object, unknown>, unknown> };

export class ObjectMemo<K extends object, V> {
  private fallback: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const slot = (key as Slotted)[SLOT];
    if (slot) return slot.get(this as ObjectMemo<object, unknown>) as V | undefined;
    return this.fallback?.get(key);
  }

  has(key: K): boolean {
    const slot = (key as Slotted)[SLOT];
    if (slot) return slot.has(this as ObjectMemo<object, unknown>);
    return this.fallback?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    let slot = (key as Slotted)[SLOT];
    if (!slot) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return this;
      }
      slot = new Map();
      Object.defineProperty(key, SLOT, { value: slot, enumerable: false, writable: false, configurable: true });
    }
    slot.set(this as ObjectMemo<object, unknown>, value);
    return this;
  }
}
