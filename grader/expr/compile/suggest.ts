/** "Did you mean": nearest names by edit distance, for unknown symbols and functions. */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
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
