/**
 * A list that a routine which never runs inside itself fills again and again (the commands of a parse, the words
 * of the command being read or recognized): copied out at its final size when complete, then emptied without
 * giving up its storage. A list grown entry by entry gets room for 16 more at its first entry, and a plain array
 * cannot be reused for that: setting its `length` to 0 frees its storage.
 */
export class ScratchList<T> {
  private readonly items: (T | undefined)[] = [];
  /** How many entries the list holds (`items` may be longer: its tail is storage, cleared). */
  length = 0;

  push(x: T): void {
    this.items[this.length++] = x;
  }

  at(i: number): T | undefined {
    return i >= 0 && i < this.length ? this.items[i] : undefined;
  }

  /** A new array of the entries from `from` up to `to` (by default, to the last), at its exact size. */
  copy(from = 0, to = this.length): T[] {
    return this.items.slice(from, Math.min(to, this.length)) as T[];
  }

  /** Empties the list and lets go of its entries (so that it keeps no document alive), keeping its storage. */
  clear(): void {
    for (let i = 0; i < this.length; i++) this.items[i] = undefined;
    this.length = 0;
  }
}
