/** Items grouped by a key, each group in the items' order; groups in order of first appearance. */
export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** Runs of adjacent column indexes, e.g. [2,3,4,7] → [[2,4],[7,7]]. */
export function columnRuns(cols: number[]): [number, number][] {
  const sorted = Array.from(new Set(cols)).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}
