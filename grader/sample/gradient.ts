/**
 * Gradients by central differences (Richardson-extrapolated), for proving references and as a reference itself.
 * Which entries of the sampled symbol the variable reads is found by tagging: evaluate the
 * variable with the symbol's entries replaced by their own positions.
 */
import * as M from '../linalg/mat.js';
import { fillDerived, type PointModel } from './points.js';

/** Loss evaluations per entry of the gradient: two central differences, extrapolated. */
export const LOSS_RUNS_PER_ENTRY = 4;

export interface GradientOf {
  readonly loss: { run(env: M.Mat[]): M.Mat };
  readonly wrt: { run(env: M.Mat[]): M.Mat };
  /** The sampled slot that `wrt` reads. */
  readonly baseSlot: number;
}

/** dLoss/dwrt at `env`, shaped like `wrt`; undefined when `wrt` is not made of entries of the base symbol. */
export function numericGradient(model: PointModel, d: GradientOf, env: M.Mat[]): M.Mat | undefined {
  const base = env[d.baseSlot]!;
  const tagged = env.slice();
  tagged[d.baseSlot] = M.mat(
    base.rows,
    base.cols,
    Float64Array.from(base.data, (_, i) => i + 1),
  );
  const tags = d.wrt.run(tagged);
  const out = M.zeros(tags.rows, tags.cols);
  for (let e = 0; e < tags.data.length; e++) {
    const at = tags.data[e]! - 1;
    if (!Number.isInteger(at) || at < 0 || at >= base.data.length) return undefined;
    const x = base.data[at]!;
    const h = 1e-3 * Math.max(1, Math.abs(x));
    const lossAt = (v: number): number => {
      const moved = env.slice();
      const data = base.data.slice();
      data[at] = v;
      moved[d.baseSlot] = M.mat(base.rows, base.cols, data);
      fillDerived(model, moved);
      return d.loss.run(moved).data[0]!;
    };
    // A step of 1e-3 keeps round-off small beside the loss's size; Richardson's extrapolation of
    // two central differences cancels their h² error, which saturated sigmoids at the plan's large
    // scales would otherwise let through (nn-grad-x failed the 1e-6 proof bound at 1e-5 without it).
    const central = (k: number): number => (lossAt(x + k) - lossAt(x - k)) / (2 * k);
    out.data[e] = (4 * central(h / 2) - central(h)) / 3;
  }
  return out;
}
