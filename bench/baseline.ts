/**
 * Hand-written Float64Array implementations of three bank references, the yardstick for the
 * compiled evaluator: the same math, written the way one would by hand, on the same inputs.
 */
const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** U (yhat - y): U is d x V. */
export function softmaxGradVc(U: Float64Array, yhat: Float64Array, y: Float64Array, d: number, V: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < V; j++) s += U[i * V + j]! * (yhat[j]! - y[j]!);
    out[i] = s;
  }
  return out;
}

/** (sigma(u_o . v) - 1) u_o - sum_k (sigma(-u_k . v) - 1) u_k, with u_w column w of U. */
export function negSamplingGradVc(U: Float64Array, v: Float64Array, o: number, negs: Float64Array, d: number, V: number): Float64Array {
  const out = new Float64Array(d);
  const dot = (w: number) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += U[i * V + w]! * v[i]!;
    return s;
  };
  const a = sigma(dot(o - 1)) - 1;
  for (let i = 0; i < d; i++) out[i] = a * U[i * V + o - 1]!;
  for (const w of negs) {
    const b = sigma(-dot(w - 1)) - 1;
    for (let i = 0; i < d; i++) out[i]! -= b * U[i * V + w - 1]!;
  }
  return out;
}

/** sum_j v (yhat - onehot(o_j))^T: a d x V matrix, one outer product per outside word, as written. */
export function skipgramGradU(v: Float64Array, yhat: Float64Array, outside: Float64Array, d: number, V: number): Float64Array {
  const out = new Float64Array(d * V);
  for (const o of outside) for (let i = 0; i < d; i++) for (let w = 0; w < V; w++) out[i * V + w]! += v[i]! * (yhat[w]! - (w === o - 1 ? 1 : 0));
  return out;
}
