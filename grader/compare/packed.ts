/**
 * A question's expected values at its points, packed for the quick checks. Every answer of a
 * batch reads them at every case it checks; scattered over a matrix object each, reading them
 * (not comparing them) was most of a comparison's time. Here every case's entries lie in one
 * Float64Array, with what tolerance needs of them worked out once: their largest magnitude,
 * the reference's cancellation, whether they are integers.
 */
import type { Mat } from '../linalg/mat.js';
import { roundoff } from '../linalg/meter.js';
import type { Point } from '../sample/points.js';
import { MAX_ANSWER_LEEWAY, type Tolerance } from './tolerance.js';

export interface Packed {
  /** Every case's expected entries, case after case (point by point, environment by environment). */
  readonly values: Float64Array;
  /** Case k (= first[point] + e) holds values[start[k] .. start[k + 1]). */
  readonly start: Int32Array;
  readonly first: Int32Array;
  /** The largest magnitude among each case's expected entries. */
  readonly scale: Float64Array;
  /** The reference's cancellation at each case (Point.refKappa; 1 when not measured). */
  readonly kappa: Float64Array;
  /** 1 where every expected entry of the case is an integer. */
  readonly integral: Uint8Array;
  /** 1 where the point is large (Point.large). */
  readonly large: Uint8Array;
  /** Each case's environment. */
  readonly envs: readonly (readonly Mat[])[];
  /**
   * The one slot in which the environments of a point differ (the free index), or -1 when they
   * may differ elsewhere: between cases of one point, only this slot need be refilled.
   */
  readonly freeSlot: number;
}

const packs = new WeakMap<readonly Point[], Packed | null>();

/** The points' expected values packed (once per points array), or undefined when a point has none stored. */
export function packedOf(points: readonly Point[]): Packed | undefined {
  let p = packs.get(points);
  if (p === undefined) packs.set(points, (p = pack(points)));
  return p ?? undefined;
}

function pack(points: readonly Point[]): Packed | null {
  let cases = 0;
  let entries = 0;
  for (const p of points) {
    if (!p.expected || p.expected.length !== p.envs.length) return null;
    cases += p.envs.length;
    for (const m of p.expected) entries += m.data.length;
  }
  const values = new Float64Array(entries);
  const start = new Int32Array(cases + 1);
  const first = new Int32Array(points.length);
  const scale = new Float64Array(cases);
  const kappa = new Float64Array(cases);
  const integral = new Uint8Array(cases);
  const large = new Uint8Array(points.length);
  const envs: Mat[][] = [];
  let k = 0;
  let at = 0;
  for (let point = 0; point < points.length; point++) {
    const p = points[point]!;
    first[point] = k;
    large[point] = p.large === true ? 1 : 0;
    for (let e = 0; e < p.envs.length; e++, k++) {
      const y = p.expected![e]!.data;
      start[k] = at;
      values.set(y, at);
      at += y.length;
      // The same comparisons as mismatch's one pass, so the same maximum.
      let s = 0;
      for (let i = 0; i < y.length; i++) if (Math.abs(y[i]!) > s) s = Math.abs(y[i]!);
      scale[k] = s;
      kappa[k] = p.refKappa?.[e] ?? 1;
      integral[k] = y.every(Number.isInteger) ? 1 : 0;
      envs.push(p.envs[e]!);
    }
  }
  start[cases] = at;
  return { values, start, first, scale, kappa, integral, large, envs, freeSlot: freeSlotOf(points) };
}

/** The slot in which environments of one point differ, if it is one and the same at every point. */
function freeSlotOf(points: readonly Point[]): number {
  let slot = -1;
  for (const p of points) {
    const base = p.envs[0]!;
    for (let e = 1; e < p.envs.length; e++) {
      const env = p.envs[e]!;
      if (env.length !== base.length) return -1;
      for (let i = 0; i < env.length; i++) {
        if (env[i] === base[i]) continue;
        if (slot !== -1 && slot !== i) return -1;
        slot = i;
      }
    }
  }
  return slot;
}

/**
 * Whether `got` equals case k's expected value by mismatch's one pass (the same arithmetic, so
 * the same verdict): true only where mismatch finds no mismatch; false leaves it to mismatch.
 */
export function agrees(got: Mat, pk: Packed, k: number, tol: Tolerance, refKappa: number, answerKappa: number): boolean {
  const rel = tol.rel + roundoff(refKappa) + Math.min(roundoff(answerKappa), MAX_ANSWER_LEEWAY);
  const x = got.data;
  const y = pk.values;
  const s = pk.start[k]!;
  const n = pk.start[k + 1]! - s;
  if (x.length !== n) return false;
  let scale = pk.scale[k]!;
  let diff = 0;
  let notFinite = 0; // as in mismatch: NaN once a difference is not finite
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const d = a - y[s + i]!;
    notFinite += d - d;
    const ax = Math.abs(a);
    if (ax > scale) scale = ax;
    const gap = Math.abs(d);
    if (gap > diff) diff = gap;
  }
  return notFinite === 0 && (diff === 0 || diff / (tol.abs + rel * scale) <= 1);
}
