/**
 * Seeded evaluation points. Each question draws from its own stream (seed, question id), so a
 * grade does not depend on which other questions exist or in what order they are graded.
 */
import { fail, type Shape } from '../core/index.js';
import { allFinite, scalar, type Mat } from '../linalg/mat.js';
import { draw, type Dist } from './dist.js';
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
}

/** Computes the derived slots of `env` from its sampled ones, in order (also after a perturbation). */
export function fillDerived(model: PointModel, env: Mat[]): void {
  model.slots.forEach((s, i) => {
    if (s.derived) env[i] = s.derived.run(env);
  });
}

export function drawEnv(model: PointModel, rng: Rng): Mat[] {
  const env: Mat[] = [];
  model.slots.forEach((s, i) => {
    env[i] = s.dist ? draw(s.dist, s.shape, rng, env) : s.derived!.run(env);
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

/**
 * Draws `count` points where `reference` is defined, resampling where it is not. A reference
 * undefined at most draws is the author's error (REFERENCE_UNDEFINED), never the student's.
 */
export function samplePoints(
  model: PointModel,
  reference: { run(env: Mat[]): Mat },
  opts: { seed: number; stream: string; count: number; free?: FreeRange },
): { points: Point[]; rejected: number } {
  const rng = createRng(opts.seed, opts.stream);
  const points: Point[] = [];
  let rejected = 0;
  const maxTries = opts.count * 20;
  for (let tries = 0; points.length < opts.count; tries++) {
    if (tries >= maxTries) fail('REFERENCE_UNDEFINED', { tries, found: points.length, wanted: opts.count });
    let p: Point | undefined;
    try {
      p = expand(drawEnv(model, rng), opts.free);
    } catch {
      p = undefined; // a derived symbol failed here (an index out of range): draw again
    }
    if (p && definedAt(reference, p)) points.push(p);
    else rejected++;
  }
  return { points, rejected };
}
