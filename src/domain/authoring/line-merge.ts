/** Past this many differences the line match gives up on the middle (the merge then takes the edited text there). */
const MAX_DIFFERENCES = 2000;

/**
 * For each line of `a`, the index of the line of `b` it is matched with in a longest common subsequence
 * (Myers' O(ND) diff), or -1. Matches are in order: a later line of `a` never matches an earlier line of `b`.
 */
export function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    match[start] = start;
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
    match[endA] = endB;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return match;
  const max = Math.min(n + m, MAX_DIFFERENCES);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d-1 .. d+1] as it stood before round d, enough to walk back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        walkBack(trace, n, m, (i, j) => (match[start + i] = start + j));
        return match;
      }
    }
  }
  return match;
}

/** Follows the recorded rounds back from the end, reporting every diagonal (matching) move. */
function walkBack(trace: readonly Int32Array[], n: number, m: number, onMatch: (i: number, j: number) => void): void {
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      onMatch(x, y);
    }
    x = previousX;
    y = previousY;
  }
}

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, index) => line === b[index]);

/**
 * A three-way merge by lines that keeps the author's text wherever an edit did not reach. `before` and
 * `after` are the same document printed by the YAML library before and after one edit; `original` is the
 * text the author wrote. A region the edit did not change keeps the original's lines (its quoting, spacing
 * and folding); a region it changed takes the printed lines of `after`, and only that region.
 */
export function keepUntouched(original: string, before: string, after: string): string {
  if (before === after) return original;
  const o = original.split('\n');
  const b = before.split('\n');
  const e = after.split('\n');
  return merge(o, b, e, matchLines(b, o)).join('\n');
}

/** The merge of `o` and `e`, two changes of `b`; `toO` matches `b`'s lines to `o`'s. `e` wins where both changed (at once when `nested`). */
function merge(o: readonly string[], b: readonly string[], e: readonly string[], toO: Int32Array, nested = false): string[] {
  const toE = matchLines(b, e);
  const out: string[] = [];
  let ib = 0;
  let io = 0;
  let ie = 0;
  for (let s = 0; s <= b.length; s++) {
    const stable = s === b.length || (toO[s]! >= 0 && toE[s]! >= 0);
    if (!stable) continue;
    const so = s === b.length ? o.length : toO[s]!;
    const se = s === b.length ? e.length : toE[s]!;
    const chunkB = b.slice(ib, s);
    const chunkO = o.slice(io, so);
    const chunkE = e.slice(ie, se);
    if (sameLines(chunkB, chunkE)) out.push(...chunkO);
    else if (nested || sameLines(chunkB, chunkO) || chunkB.length !== chunkO.length) out.push(...chunkE);
    // Both changed a run of lines, the original line for line (a restyle): merge again within the run, so an
    // edit next to a restyled line takes only its own lines.
    else
      out.push(
        ...merge(
          chunkO,
          chunkB,
          chunkE,
          Int32Array.from(chunkB, (_, index) => index),
          true,
        ),
      );
    if (s < b.length) out.push(o[so]!);
    ib = s + 1;
    io = so + 1;
    ie = se + 1;
  }
  return out;
}
