/** The explanation of one answer as a table for a terminal (colour from the terminal renderer). */
import type { Explanation } from '../core/index.js';

const num = (x: number): string => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toFixed(4) : x.toExponential(2));
const vec = (xs: readonly number[], max = 6): string => `[${xs.slice(0, max).map(num).join(', ')}${xs.length > max ? `, … (${xs.length})` : ''}]`;

export function renderExplanation(e: Explanation, mark: (ok: boolean) => string): string[] {
  const lines = [`explain: tolerance rel ${e.tolerance.rel}, abs ${e.tolerance.abs}; decided by ${e.decidedBy}`];
  let point = 0;
  for (const c of e.cases) {
    if (c.point !== point) {
      point = c.point;
      const symbols = Object.entries(c.symbols).map(([k, v]) => `${k}=${v.length === 1 ? num(v[0]!) : vec(v, 4)}`);
      lines.push(`point ${c.point}: ${symbols.join('  ')}`);
    }
    const free = c.free !== undefined ? `${e.freeName ?? 'index'} = ${c.free}: ` : '';
    lines.push(`  ${mark(c.ok)} ${free}yours ${vec(c.got)}  expected ${vec(c.expected)}  error ${num(c.absError)} (relative ${num(c.relError)})`);
  }
  if (e.cases.length === 0) lines.push('(no values: the answer was decided before evaluation)');
  return lines;
}
