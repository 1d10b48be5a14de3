/**
 * Edit distance for "did you mean" suggestions (stage names, variables, rule ids), bounded: only distances up
 * to a small limit matter, and a file with thousands of stages compares thousands of names. The metric is
 * optimal string alignment (insertions, deletions, substitutions and adjacent transpositions: "biuld" → "build"
 * is 1), computed without allocating a matrix per comparison, skipping names whose lengths or letters alone rule them out,
 * and stopping as soon as two rows exceed the limit.
 */

// Character counts of `a` minus those of `b`, by char code modulo 128 (merging characters only lowers the bound).
const counts = new Int32Array(128);

/**
 * A lower bound of the distance, in linear time: a substitution changes the character counts by 2, an
 * insertion or deletion by 1, a transposition not at all.
 */
function histogramBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]!--;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    diff += Math.abs(counts[k]!);
    counts[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    diff += Math.abs(counts[k]!);
    counts[k] = 0;
  }
  return Math.ceil(diff / 2);
}

// Three rolling rows (i-2, i-1, i), grown on demand and reused: suggestions never run concurrently.
let rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The distance between `a` and `b` when it is at most `limit`, else `limit + 1`. Equal to
 * the full optimal-string-alignment distance capped at `limit + 1` (test/analysis/boundedDistance.test.ts).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (a === b) return 0;
  if (histogramBound(a, b) > limit) return limit + 1;
  if (rows[0]!.length <= lb) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let older = rows[0]!; // row i-2
  let prev = rows[1]!; // row i-1
  let cur = rows[2]!; // row i
  for (let j = 0; j <= lb; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, older[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell derives from the last two rows: when both exceed the limit, so does the result.
    if (rowMin > limit && prevMin > limit) return limit + 1;
    prevMin = rowMin;
    const t = older;
    older = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb]!, limit + 1);
}
