/**
 * How much precision an evaluation lost, measured while it runs: the worst cancellation factor
 * of its sums and differences, κ = (|x| + |y|) / |x ± y| (the relative error a sum can amplify;
 * a logarithm near 1 likewise, by 1 / |log x|),
 * and whether an exponential overflowed. Off unless a `measure` call is running, so the cost
 * elsewhere is one branch per operation.
 */
import type { Mat } from './mat.js';

interface State {
  on: boolean;
  kappa: number;
  overflow: boolean;
}

/** Round-off of one evaluation without cancellation: 64 ulps, generous for a few hundred operations. */
export const ROUNDOFF = 64 * 2 ** -52;

/** Relative error an evaluation with cancellation factor κ can carry. */
export const roundoff = (kappa = 1): number => ROUNDOFF * Math.max(1, kappa);

const state: State = { on: false, kappa: 1, overflow: false };

export interface Measured<T> {
  readonly value: T;
  /** The worst cancellation factor (1 without cancellation; Infinity when a sum cancelled exactly). */
  readonly kappa: number;
  /** Whether a value left float64's range: an exponential or power overflowed (or underflowed to 0), a log met an underflowed 0. */
  readonly overflow: boolean;
}

/** Runs `f` with the meter on. Nested calls measure their own run only. */
export function measure<T>(f: () => T): Measured<T> {
  const into: Reading = { kappa: 1, overflow: false };
  const value = measureInto(f, undefined, into);
  return { value, kappa: into.kappa, overflow: into.overflow };
}

/** What a measureInto call found: an object the caller reuses, so that a case allocates nothing. */
export interface Reading {
  kappa: number;
  overflow: boolean;
}

/** `measure(() => f(arg))`, its reading written into `into`: no closure or result object per call (the grading loop runs it for every case). */
export function measureInto<A, T>(f: (arg: A) => T, arg: A, into: Reading): T {
  const { on, kappa, overflow } = state;
  state.on = true;
  state.kappa = 1;
  state.overflow = false;
  try {
    const value = f(arg);
    into.kappa = state.kappa;
    into.overflow = state.overflow;
    return value;
  } finally {
    state.on = on;
    state.kappa = kappa;
    state.overflow = overflow;
  }
}

/** Notes the sum r = x + y (or x - y: pass the operands with the sign they are added with). */
function note(x: number, y: number, r: number): void {
  if (x === 0 || y === 0) return;
  const k = (Math.abs(x) + Math.abs(y)) / Math.abs(r);
  if (k > state.kappa) state.kappa = Number.isNaN(k) ? state.kappa : k;
}

export const add = (x: number, y: number): number => {
  const r = x + y;
  if (state.on) note(x, y, r);
  return r;
};

export const sub = (x: number, y: number): number => {
  const r = x - y;
  if (state.on) note(x, -y, r);
  return r;
};

/** Notes every entry of an elementwise sum or difference already computed. */
export function noteAll(a: Mat, b: Mat, r: Mat, sign: 1 | -1): void {
  if (!state.on) return;
  const n = r.data.length;
  for (let i = 0; i < n; i++) note(a.data[a.data.length === 1 ? 0 : i]!, sign * b.data[b.data.length === 1 ? 0 : i]!, r.data[i]!);
}

/** An exponential out of range: infinite, or underflowed to 0 (exp(x) / sum(exp(x)) at large x). */
export const exp = (x: number): number => {
  const r = Math.exp(x);
  if ((r === Infinity || r === 0) && state.on && Number.isFinite(x)) state.overflow = true;
  return r;
};

/** The smallest positive normal float64: below it a value keeps fewer significant bits. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** A logarithm of an exact 0 (an underflowed positive value, as in log(softmax(x)_i)) is out of range too. */
export const log = (x: number): number => {
  const r = Math.log(x);
  if (state.on) {
    if (x === 0) state.overflow = true;
    else if (x > 0) {
      // log amplifies the relative error of x by 1 / |log x|: log(yhat_o) for yhat_o near 1. A
      // subnormal x (yhat_o = exp(-744) / s) has lost bits already: its error is MIN_NORMAL / x
      // times float64's, so log(yhat_o) there is known to a few digits, not 16.
      const k = (x < MIN_NORMAL ? MIN_NORMAL / x : 1) / Math.abs(r);
      if (k > state.kappa) state.kappa = k;
    }
  }
  return r;
};

export const pow = (x: number, y: number): number => {
  const r = x ** y;
  if (!Number.isFinite(r) && state.on && Number.isFinite(x) && Number.isFinite(y) && x !== 0) state.overflow = true;
  return r;
};

/**
 * A quotient of finite numbers out of range, `1 / yhat_o` for an entry near float64's least
 * positive value, is out of range too; a division by an exact 0 is the answer's own, not float64's.
 */
export const div = (x: number, y: number): number => {
  const r = x / y;
  if (state.on && !Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y) && y !== 0) state.overflow = true;
  return r;
};

/** Notes every entry of an elementwise quotient already computed (a 1 x 1 operand broadcasts). */
export function noteQuotients(a: Mat, b: Mat, r: Mat): void {
  if (!state.on) return;
  for (let i = 0; i < r.data.length; i++) {
    const x = a.data[a.data.length === 1 ? 0 : i]!;
    const y = b.data[b.data.length === 1 ? 0 : i]!;
    if (!Number.isFinite(r.data[i]!) && Number.isFinite(x) && Number.isFinite(y) && y !== 0) state.overflow = true;
  }
}

/** Marks an overflow found elsewhere (a product of finite numbers that is infinite). */
export function noteOverflow(r: number, x: number, y: number): void {
  if (state.on && !Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) state.overflow = true;
}
