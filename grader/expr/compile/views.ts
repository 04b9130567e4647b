/**
 * Vectors read in place. A column of U (`u_k`), a transposed vector (`u_k'`) and a negated one
 * (`-u_k'`) are the same entries as something already in memory; copying them into a node's
 * output on every run cost more than the arithmetic done on them (neg-sampling: 4 columns a call).
 * A Reader says where the entries are instead: entry i is sign * data[offset + i * stride].
 * The kernels below do the very operations the copying path did, in the same order, so every
 * value is bit for bit the same (a negation or a product by ±1 is exact).
 */
import type { Env, Reader, View } from './types.js';

export type { Reader, View } from './types.js';

const NONE = new Float64Array(0);
export const view = (): View => ({ data: NONE, offset: 0, stride: 1, sign: 1 });

/** A reader of a whole, contiguous value (any node's output, a sampled symbol). */
export const contiguous =
  (run: (env: Env) => { readonly data: Float64Array<ArrayBufferLike> }): Reader =>
  (env, into) => {
    into.data = run(env).data;
    into.offset = 0;
    into.stride = 1;
    into.sign = 1;
  };

/** A reader of a symbol's value, read from its slot with no call. */
export const slotReader =
  (slot: number): Reader =>
  (env, into) => {
    into.data = env[slot]!.data;
    into.offset = 0;
    into.stride = 1;
    into.sign = 1;
  };

/** Σ a_i b_i over n entries, from 0, in order: M.dotData on the copies. */
export function dotViews(a: View, b: View, n: number): number {
  const { data: ad, offset: ao, stride: as, sign: sa } = a;
  const { data: bd, offset: bo, stride: bs, sign: sb } = b;
  let s = 0;
  for (let i = 0; i < n; i++) s += sa * ad[ao + i * as]! * (sb * bd[bo + i * bs]!);
  return s;
}

/** out_i = v_i * s: M.scale on the copy. */
export function scaleView(v: View, s: number, out: Float64Array, n: number): void {
  const { data, offset, stride, sign } = v;
  for (let i = 0; i < n; i++) out[i] = sign * data[offset + i * stride]! * s;
}

/** acc_i += v_i * s: M.scale on the copy, then M.addInto. */
export function addScaledView(v: View, s: number, acc: Float64Array, n: number): void {
  const { data, offset, stride, sign } = v;
  for (let i = 0; i < n; i++) acc[i]! += sign * data[offset + i * stride]! * s;
}

/** out = a b' for an m-column a and n-row b: M.multiply's outer-product loop on the copies. */
export function outerView(a: View, b: View, out: Float64Array, m: number, n: number): void {
  const { data: ad, offset: ao, stride: as, sign: sa } = a;
  const { data: bd, offset: bo, stride: bs, sign: sb } = b;
  for (let i = 0; i < m; i++) {
    const x = sa * ad[ao + i * as]!;
    for (let j = 0; j < n; j++) out[i * n + j] = x === 0 ? 0 : 0 + x * (sb * bd[bo + j * bs]!);
  }
}

/** acc += a b': the outer product added entry by entry, without writing it out first. */
export function addOuterView(a: View, b: View, acc: Float64Array, m: number, n: number): void {
  const { data: ad, offset: ao, stride: as, sign: sa } = a;
  const { data: bd, offset: bo, stride: bs, sign: sb } = b;
  for (let i = 0; i < m; i++) {
    const x = sa * ad[ao + i * as]!;
    for (let j = 0; j < n; j++) acc[i * n + j]! += x === 0 ? 0 : 0 + x * (sb * bd[bo + j * bs]!);
  }
}
