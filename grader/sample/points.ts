/**
 * Seeded evaluation points. Each question draws from its own stream (seed, question id), so a
 * grade does not depend on which other questions exist or in what order they are graded.
 * Points follow a plan (plan.ts): every index value, scales 0.1 to 30, both signs.
 */
import { fail, type Shape } from '../core/index.js';
import { allFinite, scalar, type Mat } from '../linalg/mat.js';
import { measure, roundoff } from '../linalg/meter.js';
import { draw, type Dist, type SlotPlan } from './dist.js';
import { LARGE, planPoints, pointCount } from './plan.js';
import { createRng, type Rng } from './rng.js';

export interface PointModel {
  readonly slots: readonly { readonly shape: Shape; readonly dist?: Dist; readonly derived?: { run(env: Mat[]): Mat } }[];
}

/** A free index's range and the slot it is bound to. */
export interface FreeRange {
  readonly lo: number;
  readonly hi: number;
  readonly slot: number;
}

/** One point: a value for every slot; for a free index, one environment per value. */
export interface Point {
  readonly envs: readonly Mat[][];
  /** The free index value of each environment (empty without a free index). */
  readonly freeValues: readonly number[];
  /** The reference's value in each environment, and the cancellation it measured (meter.ts). */
  readonly expected?: readonly Mat[];
  readonly refKappa?: readonly number[];
  /** Whether a symbol is drawn at a large scale here (float64 may overflow in some forms). */
  readonly large?: boolean;
}

/** The reference may lose at most this relative precision at a point, else the point is drawn again. */
export const REFERENCE_PRECISION = 1e-8;

/** Computes the derived slots of `env` from its sampled ones, in order (also after a perturbation). */
export function fillDerived(model: PointModel, env: Mat[]): void {
  model.slots.forEach((s, i) => {
    if (s.derived) env[i] = s.derived.run(env);
  });
}

export function drawEnv(model: PointModel, rng: Rng, plan?: readonly (SlotPlan | undefined)[]): Mat[] {
  const env: Mat[] = [];
  model.slots.forEach((s, i) => {
    env[i] = s.dist ? draw(s.dist, s.shape, rng, env, plan?.[i]) : s.derived!.run(env);
  });
  return env;
}

/** Copies an environment per value of the free index (or one, without). */
export function expand(env: Mat[], free?: FreeRange): Point {
  if (!free) return { envs: [env], freeValues: [] };
  const envs: Mat[][] = [];
  const freeValues: number[] = [];
  for (let v = free.lo; v <= free.hi; v++) {
    const e = env.slice();
    e[free.slot] = scalar(v);
    envs.push(e);
    freeValues.push(v);
  }
  return { envs, freeValues };
}

/** Whether `f` is defined (runs and is finite) in every environment of a point. */
export const definedAt = (f: { run(env: Mat[]): Mat }, p: Point): boolean =>
  p.envs.every((env) => {
    try {
      return allFinite(f.run(env));
    } catch {
      return false;
    }
  });

/** The reference at every environment of `p`, if it is defined and accurate there. */
function withReference(p: Point, reference: { run(env: Mat[]): Mat }, large: boolean, exact: boolean): Point | 'undefined' | 'imprecise' {
  const expected: Mat[] = [];
  const refKappa: number[] = [];
  for (const env of p.envs) {
    let m;
    try {
      m = measure(() => reference.run(env.slice()));
    } catch {
      return 'undefined';
    }
    if (!allFinite(m.value)) return 'undefined';
    if (!exact && roundoff(m.kappa) > REFERENCE_PRECISION) return 'imprecise';
    expected.push(m.value);
    refKappa.push(m.kappa);
  }
  return { ...p, expected, refKappa, large };
}

/** A plan at a smaller scale, for a point where the reference is undefined at the planned one. */
const shrink = (plan: readonly (SlotPlan | undefined)[], max: number) => plan.map((s) => (s ? { ...s, scale: Math.min(s.scale, max) } : s));

/**
 * Draws the points of `model` where `reference` is defined (and accurate), following the plan;
 * where it is not, the point is drawn again, at smaller scales after a few tries. A reference
 * undefined at most draws is the author's error (REFERENCE_UNDEFINED), never the student's.
 */
export function samplePoints(
  model: PointModel,
  reference: { run(env: Mat[]): Mat },
  opts: { seed: number; stream: string; count: number; free?: FreeRange; maxScale?: number },
): { points: Point[]; rejected: number } {
  const rng = createRng(opts.seed, opts.stream);
  const n = pointCount(model.slots, opts.count);
  const base = planPoints(model.slots, n, rng);
  // A cap keeps every symbol at a moderate scale (finite differences need points where the loss is smooth).
  const plans = opts.maxScale === undefined ? base : base.map((p) => shrink(p, opts.maxScale!));
  // Counts (every symbol an integer) are computed exactly: their precision is not in doubt.
  const exact = model.slots.every((s) => !s.dist || s.dist.kind === 'integer' || s.dist.kind === 'indices');
  const points: Point[] = [];
  let rejected = 0;
  // Per point, a few tries at the planned scale, then smaller; a reference defined at one draw
  // in ten still gets its points.
  const maxTries = 60;
  for (const planned of plans) {
    let found: Point | undefined;
    for (let tries = 0; !found && tries < maxTries; tries++) {
      const plan = tries < 4 ? planned : shrink(planned, tries < 8 ? 3 : 1);
      const large = plan.some((s, i) => s !== undefined && model.slots[i]!.dist?.kind === 'normal' && s.scale >= LARGE);
      let p: Point | undefined;
      try {
        p = expand(drawEnv(model, rng, plan), opts.free);
      } catch {
        p = undefined; // a derived symbol failed here (an index out of range): draw again
      }
      const got = p ? withReference(p, reference, large, exact) : 'undefined';
      if (typeof got === 'object') found = got;
      // Only a reference undefined at an ordinary scale is the author's concern (check --strict);
      // overflow at large scales and lost precision are float64's, and are drawn again silently.
      else if (got === 'undefined' && !large) rejected++;
    }
    if (!found) fail('REFERENCE_UNDEFINED', { tries: maxTries, found: points.length, wanted: n });
    points.push(found!);
  }
  return { points, rejected };
}
