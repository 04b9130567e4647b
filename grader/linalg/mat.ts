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

// Every kernel writes into `out` when given one: a compiled node passes its own output, made once
// at compile time (shapes are known then), so that evaluating allocates nothing but the result
// (see expr/compile/compile.ts). `out` is never one of the inputs.

/** Elementwise map. */
export function map(a: Mat, f: (x: number) => number, out: Mat = mat(a.rows, a.cols)): Mat {
  const [ad, od] = [a.data, out.data];
  for (let i = 0; i < od.length; i++) od[i] = f(ad[i]!);
  return out;
}

/** Elementwise binary op; a 1 x 1 operand broadcasts (shapes were checked). */
export function zip(a: Mat, b: Mat, f: (x: number, y: number) => number, out?: Mat): Mat {
  const n = Math.max(a.data.length, b.data.length);
  const ad = a.data;
  const bd = b.data;
  const big = ad.length === n ? a : b;
  const o = out ?? mat(big.rows, big.cols);
  const od = o.data;
  if (ad.length === n && bd.length === n) for (let i = 0; i < n; i++) od[i] = f(ad[i]!, bd[i]!);
  else if (ad.length === 1) for (let i = 0, x = ad[0]!; i < n; i++) od[i] = f(x, bd[i]!);
  else for (let i = 0, y = bd[0]!; i < n; i++) od[i] = f(ad[i]!, y);
  return o;
}

/** f(s, b_i) for each entry of b: a scalar on the left, with no 1 x 1 matrix built for it. */
export function mapLeft(s: number, b: Mat, f: (x: number, y: number) => number, out: Mat = mat(b.rows, b.cols)): Mat {
  const [bd, od] = [b.data, out.data];
  for (let i = 0; i < od.length; i++) od[i] = f(s, bd[i]!);
  return out;
}

/** f(a_i, s) for each entry of a. */
export function mapRight(a: Mat, s: number, f: (x: number, y: number) => number, out: Mat = mat(a.rows, a.cols)): Mat {
  const [ad, od] = [a.data, out.data];
  for (let i = 0; i < od.length; i++) od[i] = f(ad[i]!, s);
  return out;
}

/** Sum of a_i b_i over all entries (a row times a column). */
export function dotData(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i]! * b.data[i]!;
  return s;
}

// The four arithmetic kernels are written out, not passed to zip: a loop calling one shared
// closure for every operator cannot inline it.
export function add(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x + y, out);
  const o = out ?? mat(a.rows, a.cols);
  const [ad, bd, od] = [a.data, b.data, o.data];
  for (let i = 0; i < od.length; i++) od[i] = ad[i]! + bd[i]!;
  return o;
}

export function sub(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x - y, out);
  const o = out ?? mat(a.rows, a.cols);
  const [ad, bd, od] = [a.data, b.data, o.data];
  for (let i = 0; i < od.length; i++) od[i] = ad[i]! - bd[i]!;
  return o;
}

export function hadamard(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x * y, out);
  const o = out ?? mat(a.rows, a.cols);
  const [ad, bd, od] = [a.data, b.data, o.data];
  for (let i = 0; i < od.length; i++) od[i] = ad[i]! * bd[i]!;
  return o;
}

export function divide(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.data.length !== b.data.length) return zip(a, b, (x, y) => x / y, out);
  const o = out ?? mat(a.rows, a.cols);
  const [ad, bd, od] = [a.data, b.data, o.data];
  for (let i = 0; i < od.length; i++) od[i] = ad[i]! / bd[i]!;
  return o;
}

export const power = (a: Mat, b: Mat, out?: Mat): Mat => zip(a, b, (x, y) => x ** y, out);

/** a_i * s: a scalar times a matrix (either order: float multiplication commutes). */
export function scale(a: Mat, s: number, out: Mat = mat(a.rows, a.cols)): Mat {
  const [ad, od] = [a.data, out.data];
  for (let i = 0; i < od.length; i++) od[i] = ad[i]! * s;
  return out;
}

/** -a_i. */
export function negate(a: Mat, out: Mat = mat(a.rows, a.cols)): Mat {
  const [ad, od] = [a.data, out.data];
  for (let i = 0; i < od.length; i++) od[i] = -ad[i]!;
  return out;
}

/** Matrix product (inner dimensions agree) or scalar scaling (either side 1 x 1). */
export function multiply(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.data.length === 1 || b.data.length === 1) return hadamard(a, b, out);
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const o = out ?? mat(m, n);
  const od = o.data;
  const ad = a.data;
  const bd = b.data;
  // A matrix times a vector, and an outer product, in loops of their own; each entry is the very
  // sum the general loop forms (0 + the terms with a nonzero left factor, in order).
  if (n === 1) return matVec(a, b, o);
  if (k === 1) {
    for (let i = 0; i < m; i++) {
      const x = ad[i]!;
      for (let j = 0; j < n; j++) od[i * n + j] = x === 0 ? 0 : 0 + x * bd[j]!;
    }
    return o;
  }
  if (out) od.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = ad[i * k + p]!;
      if (x === 0) continue;
      for (let j = 0; j < n; j++) od[i * n + j]! += x * bd[p * n + j]!;
    }
  }
  return o;
}

/** An m x k matrix times a k-vector into `out` (m entries): multiply's own loop for it, callable directly. */
export function matVec(a: Mat, b: Mat, out: Mat): Mat {
  const { rows: m, cols: k } = a;
  const [ad, bd, od] = [a.data, b.data, out.data];
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let p = 0; p < k; p++) {
      const x = ad[i * k + p]!;
      if (x !== 0) s += x * bd[p]!;
    }
    od[i] = s;
  }
  return out;
}

/** A vector's transpose shares its entries (no copy); a matrix's is written out. */
export function transpose(a: Mat, out?: Mat): Mat {
  if (a.rows === 1 || a.cols === 1) return mat(a.cols, a.rows, a.data);
  const o = out ?? mat(a.cols, a.rows);
  const od = o.data;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) od[j * a.rows + i] = a.data[i * a.cols + j]!;
  return o;
}

export function sumAll(a: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i]!;
  return s;
}

/** Softmax over all entries, shifted by the maximum so that large inputs do not overflow. */
export function softmax(a: Mat, out?: Mat): Mat {
  let max = -Infinity;
  for (const x of a.data) if (x > max) max = x;
  const e = map(a, (x) => Math.exp(x - max), out);
  const s = sumAll(e);
  for (let i = 0; i < e.data.length; i++) e.data[i]! /= s;
  return e;
}

/** A fresh copy: what a compiled expression returns, so that no caller holds a node's own output. */
export function copy(a: Mat): Mat {
  const out = alloc(a.data.length);
  out.set(a.data);
  return mat(a.rows, a.cols, out);
}

export const zeros = (rows: number, cols: number): Mat => mat(rows, cols);

/** Accumulates b into a in place (a is a fresh accumulator owned by the caller). */
export function addInto(a: Mat, b: Mat): void {
  if (b.data.length === 1 && a.data.length > 1) for (let i = 0; i < a.data.length; i++) a.data[i]! += b.data[0]!;
  else for (let i = 0; i < a.data.length; i++) a.data[i]! += b.data[i]!;
}

export const allFinite = (a: Mat): boolean => a.data.every(Number.isFinite);
