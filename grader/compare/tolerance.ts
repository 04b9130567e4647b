/**
 * When two values are equal: every entry within `abs + rel * max(|a|, |b|)`.
 * NaN and infinities never equal a finite value; a zero reference falls back to `abs`.
 */
import type { Mat } from '../linalg/mat.js';

export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

export interface Mismatch {
  /** Flat index of the worst entry. */
  readonly index: number;
  readonly got: number;
  readonly expected: number;
}

/** The worst mismatching entry, or undefined when a equals b. Shapes must hold equally many entries. */
export function mismatch(a: Mat, b: Mat, tol: Tolerance): Mismatch | undefined {
  let worst: Mismatch | undefined;
  let worstRatio = 1;
  for (let i = 0; i < b.data.length; i++) {
    const x = a.data[i]!;
    const y = b.data[i]!;
    const limit = tol.abs + tol.rel * Math.max(Math.abs(x), Math.abs(y));
    const diff = Math.abs(x - y);
    const ratio = Number.isFinite(x) && Number.isFinite(y) ? diff / limit : Infinity;
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
