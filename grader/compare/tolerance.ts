/**
 * When two values are equal. The difference is compared with the magnitude of the values
 * (the max norm of answer and reference), widened by the precision each evaluation lost to
 * cancellation (κ, measured by linalg/meter): float round-off grows with the largest term a
 * sum cancelled, not with the result. There is no global absolute floor, so a wrong term a
 * millionth of the answer is caught wherever the answer is computed accurately. NaN and
 * infinities never equal a finite value. Integer-valued questions compare as integers.
 */
import type { Mat } from '../linalg/mat.js';
import { roundoff } from '../linalg/meter.js';

export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

/** What an evaluation lost: its worst cancellation factor (1 when none). */
export interface Precision {
  readonly ref?: number;
  readonly answer?: number;
  /** Compare as integers: the answer must round to the reference exactly. */
  readonly integer?: boolean;
  /** The most relative leeway the answer's own round-off may claim (default MAX_ANSWER_LEEWAY). */
  readonly answerCap?: number;
}

/** At most this much relative leeway is granted for the student's own cancellation. */
export const MAX_ANSWER_LEEWAY = 1e-8;

export interface Mismatch {
  /** Flat index of the worst entry. */
  readonly index: number;
  readonly got: number;
  readonly expected: number;
}

/** The worst mismatching entry, or undefined when a equals b. Shapes must hold equally many entries. */
export function mismatch(a: Mat, b: Mat, tol: Tolerance, precision: Precision = {}): Mismatch | undefined {
  const rel = tol.rel + roundoff(precision.ref) + Math.min(roundoff(precision.answer), precision.answerCap ?? MAX_ANSWER_LEEWAY);
  // One pass decides the common case, values that agree: the worst difference within the limit
  // (the same division as below, so the same verdict). Otherwise the pass below finds the worst entry.
  if (!precision.integer) {
    const ad = a.data;
    const bd = b.data;
    let scale = 0;
    let diff = 0;
    let finite = true;
    for (let i = 0; i < bd.length; i++) {
      const x = ad[i]!;
      const y = bd[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        finite = false;
        break;
      }
      scale = Math.max(scale, Math.abs(x), Math.abs(y));
      diff = Math.max(diff, Math.abs(x - y));
    }
    if (finite && (diff === 0 || diff / (tol.abs + rel * scale) <= 1)) return undefined;
  }
  let scale = 0;
  for (let i = 0; i < b.data.length; i++) scale = Math.max(scale, Math.abs(a.data[i]!), Math.abs(b.data[i]!));
  const limit = tol.abs + rel * scale;
  let worst: Mismatch | undefined;
  let worstRatio = 1;
  for (let i = 0; i < b.data.length; i++) {
    const x = a.data[i]!;
    const y = b.data[i]!;
    let ratio: number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) ratio = Infinity;
    else if (precision.integer) ratio = Math.round(x) === y && Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y)) ? 0 : Infinity;
    else ratio = x === y ? 0 : Math.abs(x - y) / limit;
    if (!(ratio <= worstRatio)) {
      worstRatio = ratio;
      worst = { index: i, got: x, expected: y };
    }
  }
  return worst;
}

/** Relative error of a against b in the max norm, for finite-difference checks. */
export function relativeError(a: Mat, b: Mat, floor = 1e-12): number {
  let num = 0;
  let den = floor;
  for (let i = 0; i < b.data.length; i++) {
    num = Math.max(num, Math.abs(a.data[i]! - b.data[i]!));
    den = Math.max(den, Math.abs(a.data[i]!), Math.abs(b.data[i]!));
  }
  return Number.isNaN(num) ? Infinity : num / den;
}

/** Steps of a write-up value derivatives by finite differences (accurate to about 1e-8): compared at 1e-6. */
export const stepTolerance = (tol: Tolerance): Tolerance => ({ ...tol, rel: Math.max(tol.rel, 1e-6) });
