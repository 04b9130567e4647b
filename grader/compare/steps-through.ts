/**
 * A derivative by a quantity made of others (the student's `\theta = U^T v_c`, the network's `h`):
 * by the chain rule, over the sampled entries x the quantity reads, dJ/dx = (dθ/dx)^T dJ/dθ. With
 * both sides by central differences, dJ/dθ is the least-squares solution, kept only when the
 * system determines it (full rank) and is consistent (J reads those entries only through θ):
 * else the side is not checked, never guessed.
 */
import { fail } from '../core/index.js';
import type { Compiled } from '../expr/index.js';
import * as M from '../linalg/mat.js';
import { entryGradient } from '../sample/gradient.js';
import { fillDerived } from '../sample/points.js';
import type { Question } from '../bank/types.js';

// Entries perturbed at most (2 runs each), and the tolerances of the solve.
const MAX_ENTRIES = 600;
const RANK_TOL = 1e-9;
const RESIDUAL_TOL = 1e-5;

/** Solves the m x m system N g = r by Gaussian elimination with partial pivoting; undefined when singular. */
function solve(n: number[][], r: number[]): number[] | undefined {
  const m = r.length;
  const a = n.map((row, i) => [...row, r[i]!]);
  const scale = Math.max(1e-300, ...a.map((row, i) => Math.abs(row[i]!)));
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let i = c + 1; i < m; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    if (Math.abs(a[p]![c]!) < RANK_TOL * scale) return undefined;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let i = 0; i < m; i++) {
      if (i === c) continue;
      const f = a[i]![c]! / a[c]![c]!;
      if (f !== 0) for (let k = c; k <= m; k++) a[i]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[m]! / row[i]!);
}

/**
 * d(of)/d(wrt) when `wrt` reads entries of one of the model's derived symbols (the network's `h`):
 * that symbol perturbed and the ones after it refilled, as a sampled one would be.
 */
export function derivedGradient(q: Question, of: Compiled, wrt: Compiled, env: M.Mat[]): M.Mat | undefined {
  const slots = q.model.slots;
  for (let s = 0; s < slots.length; s++) {
    if (!slots[s]!.derived) continue;
    const g = entryGradient((e) => of.run(e).data[0]!, wrt, env, {
      slot: s,
      refill: (moved) => {
        for (let i = s + 1; i < slots.length; i++) if (slots[i]!.derived) moved[i] = slots[i]!.derived!.run(moved);
      },
      // Relative to the entry: derived quantities are often small (a probability of 0.002).
      step: (x) => 1e-5 * Math.max(Math.abs(x), 1e-3),
      extrapolate: false,
    });
    if (g) return g;
  }
  return undefined;
}

/** d(of)/d(wrt) for a scalar `of` and a `wrt` no sampled symbol holds; throws InputError when not determined. */
export function throughGradient(q: Question, of: Compiled, wrt: Compiled, wrtLatex: string, env: M.Mat[]): M.Mat {
  const shape = wrt.shape;
  const m = shape.rows * shape.cols;
  const rows: Float64Array[] = [];
  const rhs: number[] = [];
  let perturbed = 0;
  q.model.slots.forEach((s, slot) => {
    if (s.dist?.kind !== 'normal' && s.dist?.kind !== 'uniform') return;
    const base = env[slot]!;
    for (let e = 0; e < base.data.length; e++) {
      if (++perturbed > MAX_ENTRIES) fail('STEP_DERIVATIVE_TOO_LARGE', { wrt: wrtLatex, max: MAX_ENTRIES });
      const x = base.data[e]!;
      const h = 1e-5 * Math.max(1, Math.abs(x));
      const at = (v: number): { t: Float64Array; j: number } => {
        const moved = env.slice();
        const data = base.data.slice();
        data[e] = v;
        moved[slot] = M.mat(base.rows, base.cols, data);
        fillDerived(q.model, moved);
        return { t: Float64Array.from(wrt.run(moved.slice()).data), j: of.run(moved.slice()).data[0]! };
      };
      const [p, n] = [at(x + h), at(x - h)];
      const row = p.t.map((v, i) => (v - n.t[i]!) / (2 * h));
      if (row.every((v) => Math.abs(v) < 1e-12)) continue;
      rows.push(row);
      rhs.push((p.j - n.j) / (2 * h));
    }
  });
  const normal = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, k) => rows.reduce((s, r) => s + r[i]! * r[k]!, 0)));
  const g =
    rows.length >= m
      ? solve(
          normal,
          Array.from({ length: m }, (_, i) => rows.reduce((s, r, k) => s + r[i]! * rhs[k]!, 0)),
        )
      : undefined;
  if (!g) fail('STEP_WRT_NOT_SAMPLED', { wrt: wrtLatex });
  const residual = Math.sqrt(rows.reduce((s, r, k) => s + (r.reduce((t, v, i) => t + v * g![i]!, 0) - rhs[k]!) ** 2, 0));
  const size = Math.sqrt(rhs.reduce((s, v) => s + v * v, 0));
  if (residual > RESIDUAL_TOL * Math.max(1, size)) fail('STEP_WRT_NOT_SAMPLED', { wrt: wrtLatex });
  return M.mat(shape.rows, shape.cols, Float64Array.from(g!));
}
