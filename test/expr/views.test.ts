/**
 * Vectors read in place (expr/compile/views.ts) and the nodes that skip a copy (a column, a
 * transpose, a negation, `x - onehot(o, V)`, a sum adding its body straight into its total, a
 * matrix times a column) must give every value bit for bit as the copying kernels did, -0, NaN
 * and infinities included, and note the same cancellation and overflow to the meter.
 */
import { describe, expect, it } from 'vitest';
import { questionScope } from '../../grader/compare/read.js';
import { PointCache } from '../../grader/compare/points.js';
import { compileText, type Env } from '../../grader/expr/index.js';
import * as M from '../../grader/linalg/mat.js';
import * as meter from '../../grader/linalg/meter.js';
import { question, W2V } from '../helpers.js';

const q = question(W2V, 'reference: "U * (yhat - y)"');
const { scope, first } = questionScope(q);
const slot = (name: string) => q.model.slots.findIndex((s) => s.name === name);
const [U, VC, O, NEGS, YHAT, Y] = ['U', 'v_c', 'o', 'negs', 'yhat', 'y'].map(slot) as [number, number, number, number, number, number];

const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const col = (e: Env, j: number): M.Mat =>
  M.mat(
    3,
    1,
    Float64Array.from({ length: 3 }, (_, i) => e[U]!.data[i * 7 + j - 1]!),
  );
const num = (e: Env, s: number): number => e[s]!.data[0]!;
const onehot = (i: number): M.Mat =>
  M.mat(
    7,
    1,
    Float64Array.from({ length: 7 }, (_, k) => (k === i - 1 ? 1 : 0)),
  );
const metered = (a: M.Mat, b: M.Mat, sign: 1 | -1): M.Mat => {
  const r = sign === 1 ? M.add(a, b) : M.sub(a, b);
  meter.noteAll(a, b, r, sign);
  return r;
};

/** Each text beside the computation the copying kernels made of it. */
const CASES: readonly [string, (e: Env) => M.Mat][] = [
  ["u_o' * v_c", (e) => M.scalar(M.dotData(M.transpose(col(e, num(e, O))), e[VC]!))],
  ["-u_o' * v_c", (e) => M.scalar(M.dotData(M.negate(M.transpose(col(e, num(e, O)))), e[VC]!))],
  ["v_c' * u_o", (e) => M.scalar(M.dotData(M.transpose(e[VC]!), col(e, num(e, O))))],
  ["sigma(u_o' * v_c) * u_o", (e) => M.scale(col(e, num(e, O)), sigma(M.dotData(col(e, num(e, O)), e[VC]!)))],
  ['u_o * 2', (e) => M.scale(col(e, num(e, O)), 2)],
  ['-u_o', (e) => M.negate(col(e, num(e, O)))],
  ['U[2, :] * yhat', (e) => M.scalar(M.dotData(M.mat(1, 7, e[U]!.data.slice(7, 14)), e[YHAT]!))],
  [
    "sum(k, (sigma(-u_k' * v_c) - 1) * u_k)",
    (e) => {
      const acc = M.zeros(3, 1);
      for (const w of e[NEGS]!.data) {
        const s = meter.sub(sigma(M.dotData(M.negate(col(e, w)), e[VC]!)), 1);
        M.addInto(acc, M.scale(col(e, w), s));
      }
      return acc;
    },
  ],
  ["v_c * (yhat - onehot(o, V))'", (e) => M.multiply(e[VC]!, M.transpose(metered(e[YHAT]!, onehot(num(e, O)), -1)))],
  ['yhat - onehot(o, V)', (e) => metered(e[YHAT]!, onehot(num(e, O)), -1)],
  ['yhat + onehot(o, V)', (e) => metered(e[YHAT]!, onehot(num(e, O)), 1)],
  ['U * (yhat - y)', (e) => M.multiply(e[U]!, metered(e[YHAT]!, e[Y]!, -1))],
  ['U * yhat + U * y', (e) => metered(M.multiply(e[U]!, e[YHAT]!), M.multiply(e[U]!, e[Y]!), 1)],
  [
    "sum(w, v_c * (yhat - y)')",
    (e) => {
      const acc = M.zeros(3, 7);
      for (let w = 0; w < 7; w++) M.addInto(acc, M.multiply(e[VC]!, M.transpose(metered(e[YHAT]!, e[Y]!, -1))));
      return acc;
    },
  ],
];

/** The bank's points, and the same with -0, NaN, infinities and huge entries put in. */
function envs(): Env[] {
  const base = new PointCache(7).get(q).flatMap((p) => p.envs);
  const odd = base.map((env) => {
    const e = env.map((m) => M.mat(m.rows, m.cols, Float64Array.from(m.data)));
    const o = num(e, O) - 1;
    e[U]!.data[o] = -0; // row 1 of column o
    e[U]!.data[7 + ((o + 1) % 7)] = Infinity;
    e[U]!.data[14 + ((o + 2) % 7)] = NaN;
    e[VC]!.data[1] = -0;
    e[YHAT]!.data[(o + 1) % 7] = -0;
    e[YHAT]!.data[(o + 3) % 7] = 1e300;
    return e;
  });
  // Column o all zeros: a dot product of zeros and a negated one differ only in the sign of 0.
  const zero = base.map((env) => {
    const e = env.map((m) => M.mat(m.rows, m.cols, Float64Array.from(m.data)));
    for (let i = 0; i < 3; i++) e[U]!.data[i * 7 + num(e, O) - 1] = 0;
    return e;
  });
  return [...base, ...odd, ...zero];
}

const bits = (m: M.Mat): string[] => Array.from(m.data).map((x) => (Object.is(x, -0) ? '-0' : String(x)));

describe('vectors read in place: the copying kernels’ values and meter, bit for bit', () => {
  it.each(CASES)('%s', (text, want) => {
    const run = compileText(text, scope, first).compiled.run;
    for (const env of envs()) {
      const got = meter.measure(() => run(env.slice()));
      const expected = meter.measure(() => want(env));
      expect(bits(got.value)).toEqual(bits(expected.value));
      expect([got.kappa, got.overflow]).toEqual([expected.kappa, expected.overflow]);
    }
  });

  it('a column read in place is still copied out when asked for as a value', () => {
    const run = compileText('u_o', scope, first).compiled.run;
    const env = envs()[0]!;
    const a = run(env.slice());
    const b = run(env.slice());
    expect(a.data).not.toBe(b.data);
    expect(bits(a)).toEqual(bits(col(env, num(env, O))));
  });
});
