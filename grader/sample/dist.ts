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

export function draw(dist: Dist, shape: Shape, rng: Rng, env: readonly M.Mat[]): M.Mat {
  const n = shape.rows * shape.cols;
  const out = M.zeros(shape.rows, shape.cols);
  const d = out.data;
  switch (dist.kind) {
    case 'normal':
      for (let i = 0; i < n; i++) d[i] = dist.mean + dist.sd * normal(rng);
      break;
    case 'uniform':
      for (let i = 0; i < n; i++) d[i] = dist.min + (dist.max - dist.min) * rng.next();
      break;
    case 'integer':
      for (let i = 0; i < n; i++) d[i] = integer(rng, dist.min, dist.max);
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
      for (let i = 0; i < n; i++) {
        const left = dist.distinct ? pool.length - i : pool.length;
        if (left <= 0) throw new RangeError('not enough distinct indices');
        const j = (dist.distinct ? i : 0) + integer(rng, 0, left - 1);
        d[i] = pool[j]!;
        if (dist.distinct) [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      break;
    }
    default:
      return unreachable(dist, 'distribution');
  }
  return out;
}

