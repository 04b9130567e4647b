/**
 * Gradients by central differences, for proving references, as a reference itself, and for a
 * student's derivative by a derived quantity (compare/steps-through.ts). Which entries of the
 * perturbed symbol the variable reads is found by tagging: evaluate the variable with the
 * symbol's entries replaced by their own positions.
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

/** How one symbol's entries are moved: which slot, how far, and what is recomputed after. */
export interface Perturbation {
  readonly slot: number;
  /** The symbols computed from the moved one, refilled in a moved copy of the environment. */
  readonly refill: (moved: M.Mat[]) => void;
  readonly step: (x: number) => number;
  /** Richardson's extrapolation of two central differences (4 loss runs an entry, not 2). */
  readonly extrapolate: boolean;
}

/** dLoss/dwrt at `env`, shaped like `wrt`; undefined when `wrt` is not made of entries of the base symbol. */
export function numericGradient(model: PointModel, d: GradientOf, env: M.Mat[]): M.Mat | undefined {
  // A step of 1e-3 keeps round-off small beside the loss's size; Richardson's extrapolation of
  // two central differences cancels their h² error, which saturated sigmoids at the plan's large
  // scales would otherwise let through (nn-grad-x failed the 1e-6 proof bound at 1e-5 without it).
  return entryGradient((e) => d.loss.run(e).data[0]!, d.wrt, env, {
    slot: d.baseSlot,
    refill: (moved) => fillDerived(model, moved),
    step: (x) => 1e-3 * Math.max(1, Math.abs(x)),
    extrapolate: true,
  });
}

/** d loss/d wrt by moving the entries of `p.slot` that `wrt` reads; undefined when `wrt` reads anything else. */
export function entryGradient(loss: (env: M.Mat[]) => number, wrt: { run(env: M.Mat[]): M.Mat }, env: M.Mat[], p: Perturbation): M.Mat | undefined {
  const base = env[p.slot]!;
  const tagged = env.slice();
  tagged[p.slot] = M.mat(
    base.rows,
    base.cols,
    Float64Array.from(base.data, (_, i) => i + 1),
  );
  const tags = wrt.run(tagged);
  if (!tags.data.every((t) => Number.isInteger(t) && t >= 1 && t <= base.data.length)) return undefined;
  const out = M.zeros(tags.rows, tags.cols);
  for (let e = 0; e < tags.data.length; e++) {
    const at = tags.data[e]! - 1;
    const x = base.data[at]!;
    const lossAt = (v: number): number => {
      const moved = env.slice();
      const data = base.data.slice();
      data[at] = v;
      moved[p.slot] = M.mat(base.rows, base.cols, data);
      p.refill(moved);
      return loss(moved);
    };
    const central = (k: number): number => (lossAt(x + k) - lossAt(x - k)) / (2 * k);
    const h = p.step(x);
    out.data[e] = p.extrapolate ? (4 * central(h / 2) - central(h)) / 3 : central(h);
  }
  return out;
}
