import { describe, expect, it } from 'vitest';
import * as M from '../../grader/linalg/mat.js';
import { entryGradient, type Perturbation } from '../../grader/sample/gradient.js';

// env[0] = x (3 entries), env[1] = y = 2x (refilled), loss = sum(y^3) => d/dx = 3 * (2x)^2 * 2.
const x = M.mat(3, 1, Float64Array.from([0.5, -1.5, 2]));
const env = () => [
  x,
  M.mat(
    3,
    1,
    x.data.map((v) => 2 * v),
  ),
];
const loss = (e: M.Mat[]) => e[1]!.data.reduce((s, v) => s + v ** 3, 0);
const refill = (moved: M.Mat[]) => {
  moved[1] = M.mat(
    3,
    1,
    moved[0]!.data.map((v) => 2 * v),
  );
};
const exact = [...x.data].map((v) => 24 * v * v);

describe('entryGradient', () => {
  it.each<[string, Perturbation, number]>([
    ['central differences', { slot: 0, refill, step: () => 1e-5, extrapolate: false }, 1e-6],
    ['extrapolated, a coarse step', { slot: 0, refill, step: () => 1e-2, extrapolate: true }, 1e-9],
  ])('%s: the derivative through the refilled symbol', (_, p, tol) => {
    const g = entryGradient(loss, { run: (e) => e[0]! }, env(), p)!;
    g.data.forEach((v, i) => expect(Math.abs(v - exact[i]!)).toBeLessThan(tol * Math.max(1, Math.abs(exact[i]!))));
  });

  it('reads only the entries the variable takes, in its order', () => {
    const second = { run: (e: M.Mat[]) => M.mat(2, 1, Float64Array.from([e[0]!.data[2]!, e[0]!.data[0]!])) };
    const g = entryGradient(loss, second, env(), { slot: 0, refill, step: () => 1e-4, extrapolate: true })!;
    expect([...g.data].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([exact[2], exact[0]]);
  });

  it.each([
    ['half an entry', (e: M.Mat[]) => M.mat(1, 1, Float64Array.from([0.5 * e[0]!.data[0]!]))],
    ['a position past the symbol', (e: M.Mat[]) => M.mat(1, 1, Float64Array.from([e[0]!.data[0]! + 3]))],
  ])('undefined when the variable is not made of its entries: %s', (_, run) => {
    expect(entryGradient(loss, { run }, env(), { slot: 0, refill, step: () => 1e-4, extrapolate: false })).toBeUndefined();
  });
});
