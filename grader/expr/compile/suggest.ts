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

/** Up to three candidates close to `name`, nearest first. */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const scored = [...new Set(candidates)]
    .map((c) => {
      const cl = c.toLowerCase();
      const d = editDistance(lower, cl);
      // A shared stem counts as close: `y_o` is near `yhat_o`, `sigm` near `sigma`.
      const stem = cl.startsWith(lower) || lower.startsWith(cl) || cl.split('_')[0] === lower.split('_')[0];
      return { c, score: stem ? Math.min(d, 1.5) : d };
    })
    .filter(({ c, score }) => score <= Math.max(2, Math.floor(c.length / 3)))
    .sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  return scored.slice(0, 3).map((s) => s.c);
}
