/**
 * Distributions for sampled symbols. Each returns a matrix of the symbol's shape, given the
 * values already drawn (index lists must differ from earlier indices).
 */
import { unreachable, type Shape } from '../core/index.js';
import * as M from '../linalg/mat.js';
import { integer, normal, type Rng } from './rng.js';

/** A resolved distribution: sizes already evaluated, references already turned into slots. */
export type Dist =
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'onehot' }
  | { readonly kind: 'probability' }
  | { readonly kind: 'indices'; readonly max: number; readonly distinct: boolean; readonly avoid: readonly number[] };

/** Draws a value; with a plan (plan.ts), at its scale and sign, or its enumerated value. */
/** How to draw one slot at one point (plan.ts decides). */
export interface SlotPlan {
  readonly scale: number;
  readonly sign: 1 | -1;
  /** The value of a scalar integer symbol. */
  readonly value?: number;
  /** Where an index list repeats its first entry (a position from 1, wrapped to its length). */
  readonly repeat?: number;
}

export function draw(dist: Dist, shape: Shape, rng: Rng, env: readonly M.Mat[], plan?: SlotPlan): M.Mat {
  const n = shape.rows * shape.cols;
  const out = M.zeros(shape.rows, shape.cols);
  const d = out.data;
  switch (dist.kind) {
    case 'normal': {
      const sd = dist.sd * (plan?.scale ?? 1);
      if (plan && n === 1) {
        // A scalar at the planned sign, its magnitude within [0.5, 1.5] of the scale.
        d[0] = dist.mean + plan.sign * sd * (0.5 + rng.next());
        break;
      }
      for (let i = 0; i < n; i++) d[i] = dist.mean + sd * normal(rng);
      if (plan && n > 1 && (d.every((x) => x >= dist.mean) || d.every((x) => x <= dist.mean))) {
        const k = integer(rng, 0, n - 1); // mixed signs in every vector
        d[k] = 2 * dist.mean - d[k]!;
      }
      break;
    }
    case 'uniform':
      for (let i = 0; i < n; i++) d[i] = dist.min + (dist.max - dist.min) * rng.next();
      break;
    case 'integer':
      for (let i = 0; i < n; i++) d[i] = plan?.value ?? integer(rng, dist.min, dist.max);
      break;
    case 'onehot':
      d[integer(rng, 0, n - 1)] = 1;
      break;
    case 'probability': {
      // Dirichlet(1, ..., 1): normalised exponentials; never an exact zero entry.
      for (let i = 0; i < n; i++) d[i] = -Math.log(1 - rng.next()) + 1e-3;
      const s = M.sumAll(out);
      for (let i = 0; i < n; i++) d[i]! /= s;
      break;
    }
    case 'indices': {
      // Draw from the allowed values directly (a partial shuffle): no rejection loop can spin.
      const avoid = new Set(dist.avoid.map((slot) => env[slot]!.data[0]!));
      const pool: number[] = [];
      for (let v = 1; v <= dist.max; v++) if (!avoid.has(v)) pool.push(v);
      // Planned points without a repeat draw distinct indices even where repeats are allowed.
      const distinct = dist.distinct || (plan !== undefined && plan.repeat === undefined && pool.length >= n);
      for (let i = 0; i < n; i++) {
        const left = distinct ? pool.length - i : pool.length;
        if (left <= 0) throw new RangeError('not enough distinct indices');
        const j = (distinct ? i : 0) + integer(rng, 0, left - 1);
        d[i] = pool[j]!;
        if (distinct) [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      // Where repeats are allowed, every other point has one (a negative equal to another).
      if (plan?.repeat && !dist.distinct && n > 1) d[1 + ((plan.repeat - 1) % (n - 1))] = d[0]!;
      break;
    }
    default:
      return unreachable(dist, 'distribution');
  }
  return out;
}
