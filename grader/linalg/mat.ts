/**
 * Dense row-major matrices over Float64Array: the only value type the evaluator knows.
 * Shapes are checked at compile time, so these kernels trust their inputs.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array<ArrayBufferLike>;
}

/**
 * Zeroed storage from a slab. A Float64Array of more than 8 entries gets its own backing store,
 * which costs ~0.6 µs, more than the arithmetic done on it; views into a shared, never-reused slab
 * cost a tenth of that. A view keeps its slab alive, so values never alias.
 */
const SLAB = 1 << 16;
let slab = new ArrayBuffer(SLAB * 8);
let used = 0;
export function alloc(n: number): Float64Array {
  if (n > SLAB / 16) return new Float64Array(n);
  if (used + n > SLAB) {
    slab = new ArrayBuffer(SLAB * 8);
    used = 0;
  }
  const view = new Float64Array(slab, used * 8, n);
  used += n;
  return view;
}

export const mat = (rows: number, cols: number, data: Float64Array<ArrayBufferLike> = alloc(rows * cols)): Mat => ({ rows, cols, data });
export const scalar = (x: number): Mat => mat(1, 1, Float64Array.of(x));
export const column = (xs: ArrayLike<number>): Mat => mat(xs.length, 1, Float64Array.from(xs));

/** Elementwise map. */
export function map(a: Mat, f: (x: number) => number): Mat {
  const out = alloc(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]!);
  return mat(a.rows, a.cols, out);
}

/** Elementwise binary op; a 1 x 1 operand broadcasts (shapes were checked). */
export function zip(a: Mat, b: Mat, f: (x: number, y: number) => number): Mat {
  const n = Math.max(a.data.length, b.data.length);
  const out = alloc(n);
  const ad = a.data;
  const bd = b.data;
  if (ad.length === n && bd.length === n) for (let i = 0; i < n; i++) out[i] = f(ad[i]!, bd[i]!);
  else if (ad.length === 1) for (let i = 0, x = ad[0]!; i < n; i++) out[i] = f(x, bd[i]!);
  else for (let i = 0, y = bd[0]!; i < n; i++) out[i] = f(ad[i]!, y);
  const big = ad.length === n ? a : b;
  return mat(big.rows, big.cols, out);
}

/** f(s, b_i) for each entry of b: a scalar on the left, with no 1 x 1 matrix built for it. */
export function mapLeft(s: number, b: Mat, f: (x: number, y: number) => number): Mat {
  const out = alloc(b.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(s, b.data[i]!);
  return mat(b.rows, b.cols, out);
}

/** f(a_i, s) for each entry of a. */
export function mapRight(a: Mat, s: number, f: (x: number, y: number) => number): Mat {
  const out = alloc(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]!, s);
  return mat(a.rows, a.cols, out);
}

/** Sum of a_i b_i over all entries (a row times a column). */
export function dotData(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i]! * b.data[i]!;
  return s;
}

// The four arithmetic kernels are written out, not passed to zip: a loop calling one shared
// closure for every operator runs several times slower than a loop V8 can inline (bench/evaluate.ts).
export function add(a: Mat, b: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x + y);
  const [ad, bd, out] = [a.data, b.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = ad[i]! + bd[i]!;
  return mat(a.rows, a.cols, out);
}

export function sub(a: Mat, b: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x - y);
  const [ad, bd, out] = [a.data, b.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = ad[i]! - bd[i]!;
  return mat(a.rows, a.cols, out);
}

export function hadamard(a: Mat, b: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x * y);
  const [ad, bd, out] = [a.data, b.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = ad[i]! * bd[i]!;
  return mat(a.rows, a.cols, out);
}

export function divide(a: Mat, b: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x / y);
  const [ad, bd, out] = [a.data, b.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = ad[i]! / bd[i]!;
  return mat(a.rows, a.cols, out);
}

export const power = (a: Mat, b: Mat): Mat => zip(a, b, (x, y) => x ** y);

/** a_i * s: a scalar times a matrix (either order: float multiplication commutes). */
export function scale(a: Mat, s: number): Mat {
  const [ad, out] = [a.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = ad[i]! * s;
  return mat(a.rows, a.cols, out);
}

/** -a_i. */
export function negate(a: Mat): Mat {
  const [ad, out] = [a.data, alloc(a.data.length)];
  for (let i = 0; i < out.length; i++) out[i] = -ad[i]!;
  return mat(a.rows, a.cols, out);
}

/** Matrix product (inner dimensions agree) or scalar scaling (either side 1 x 1). */
export function multiply(a: Mat, b: Mat): Mat {
  if (a.data.length === 1 || b.data.length === 1) return hadamard(a, b);
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const out = alloc(m * n);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = ad[i * k + p]!;
      if (x === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += x * bd[p * n + j]!;
    }
  }
  return mat(m, n, out);
}

export function transpose(a: Mat): Mat {
  if (a.rows === 1 || a.cols === 1) return mat(a.cols, a.rows, a.data);
  const out = alloc(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return mat(a.cols, a.rows, out);
}

export function sumAll(a: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i]!;
  return s;
}

/** Softmax over all entries, shifted by the maximum so that large inputs do not overflow. */
export function softmax(a: Mat): Mat {
  let max = -Infinity;
  for (const x of a.data) if (x > max) max = x;
  const e = map(a, (x) => Math.exp(x - max));
  const s = sumAll(e);
  for (let i = 0; i < e.data.length; i++) e.data[i]! /= s;
  return e;
}

export const zeros = (rows: number, cols: number): Mat => mat(rows, cols);

/** Accumulates b into a in place (a is a fresh accumulator owned by the caller). */
export function addInto(a: Mat, b: Mat): void {
  if (b.data.length === 1 && a.data.length > 1) for (let i = 0; i < a.data.length; i++) a.data[i]! += b.data[0]!;
  else for (let i = 0; i < a.data.length; i++) a.data[i]! += b.data[i]!;
}

export const allFinite = (a: Mat): boolean => a.data.every(Number.isFinite);
