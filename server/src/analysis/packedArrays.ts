/**
 * Lists of the model that the rules walk on every lint are built by pushing into `[]`, never with
 * `Array.prototype.map`: V8's `map` builtin returns a packed array, but once TurboFan inlines `map` into an optimised
 * caller, the same call returns a holey one. `buildModel` runs ~2,000 times before V8 optimises it, by then the
 * rules were optimised for packed instruction lists, and the first models of the optimised `buildModel` made ~20
 * of them deoptimise at once ("wrong map") and compile again. Pushing into `[]` gives a packed array in every tier.
 */
export function mapPacked<T, U>(list: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(fn(list[i]!, i));
  return out;
}
