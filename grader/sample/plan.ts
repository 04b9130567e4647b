/**
 * What each point must show, decided before drawing: small discrete choices are enumerated
 * and continuous symbols stratified, so no answer passes because a case was never drawn.
 *
 * - An index symbol (a scalar integer with few values, like o in 1..V) takes every value
 *   across the points, in a seeded order; one with many values (a count in 1..60) takes its
 *   least and greatest value and one value from each stratum between.
 * - Continuous symbols cycle through scales 0.1 to 30 (LEVELS), each with both signs for a
 *   scalar; symbols of one question are offset, so they are large and small at different
 *   points. Vectors always hold entries of both signs.
 * - Index lists that may repeat (`distinct: false`) hold a repeat at every other point.
 */
import type { Dist, SlotPlan } from './dist.js';
import { integer, type Rng } from './rng.js';

/** Scales of continuous symbols, in the order points take them. */
export const LEVELS: readonly number[] = [1, 0.1, 30, 3, 0.3, 10];
/** A point whose largest scale reaches this is a large point (where float64 may overflow). */
export const LARGE = 10;
/** Points per question at least: every level with both signs. */
export const MIN_POINTS = 2 * LEVELS.length;
/** Index symbols with at most this many values are enumerated; more are stratified. */
const ENUMERATE = 32;
/** Points per question at most (cost grows with them). */
export const MAX_POINTS = 32;

interface PlanSlot {
  readonly dist?: Dist;
  readonly shape: { readonly rows: number; readonly cols: number };
}

const isIndex = (s: PlanSlot): s is PlanSlot & { dist: Extract<Dist, { kind: 'integer' }> } => s.dist?.kind === 'integer' && s.shape.rows * s.shape.cols === 1;

/** How many points a model needs so that every index value occurs (at least `wanted`). */
export function pointCount(slots: readonly PlanSlot[], wanted: number): number {
  let n = Math.max(wanted, MIN_POINTS);
  for (const s of slots) if (isIndex(s) && s.dist.max - s.dist.min + 1 <= ENUMERATE) n = Math.max(n, s.dist.max - s.dist.min + 1);
  return Math.min(n, Math.max(wanted, MAX_POINTS));
}

/** A seeded shuffle (Fisher-Yates). */
function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = integer(rng, 0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The values an index symbol takes over `n` points. */
function indexValues(min: number, max: number, n: number, rng: Rng): number[] {
  const r = max - min + 1;
  if (r <= n) {
    const out: number[] = [];
    while (out.length < n)
      out.push(
        ...shuffle(
          Array.from({ length: r }, (_, k) => min + k),
          rng,
        ),
      );
    return out.slice(0, n);
  }
  // Stratified: the extremes, and one value from each of the strata between.
  const out = Array.from({ length: n }, (_, k) => (k === 0 ? min : k === n - 1 ? max : min + Math.floor(((k + rng.next()) / n) * r)));
  return shuffle(out, rng);
}

/** The plan of every slot at each of `n` points: plans[point][slot] (undefined for derived slots). */
export function planPoints(slots: readonly PlanSlot[], n: number, rng: Rng): (SlotPlan | undefined)[][] {
  const values = slots.map((s) => (isIndex(s) ? indexValues(s.dist.min, s.dist.max, n, rng) : undefined));
  return Array.from({ length: n }, (_, i) =>
    slots.map((s, j) => {
      if (!s.dist) return undefined;
      const scale = LEVELS[(Math.floor(i / 2) + j) % LEVELS.length]!;
      const sign = (i + j) % 2 === 0 ? 1 : -1;
      const value = values[j]?.[i];
      // Repeats at every other point, of the first entry at positions 2, 3, ... in turn (o_1 = o_2 first).
      return { scale, sign, ...(value !== undefined ? { value } : {}), ...(i % 2 === 1 ? { repeat: 1 + Math.floor(i / 2) } : {}) };
    }),
  );
}
