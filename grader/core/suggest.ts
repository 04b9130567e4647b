/** "Did you mean": nearest names by edit distance, for unknown symbols and functions. */

/** Edits between two names, a swap of neighbouring letters counting as one (`sigam`, `yaht`, `\lgo`: a typist's slip). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Up to three candidates close to `name`, nearest first. A different case or a shared stem
 * (`y_o` ~ `yhat_o`) is close; plain edits count only for names long enough to have a shape.
 */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const stemOf = (x: string): string => x.split('_')[0]!;
  const scored = [...new Set(candidates)]
    .filter((c) => c !== name)
    .map((c) => {
      const cl = c.toLowerCase();
      if (cl === lower || cl.replaceAll('_', '') === lower.replaceAll('_', '')) return { c, score: 0 };
      const stem = stemOf(cl).startsWith(stemOf(lower)) || stemOf(lower).startsWith(stemOf(cl));
      const d = editDistance(lower, cl);
      return { c, score: stem && lower.length > 1 ? Math.min(d, 1.5) : d };
    })
    .filter(({ score }) => score <= (lower.length <= 2 ? 0 : lower.length <= 5 ? 1.5 : 2))
    .sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, 3).map((s) => s.c);
}
