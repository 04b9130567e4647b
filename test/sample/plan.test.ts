import { describe, expect, it } from 'vitest';
import { LEVELS, MIN_POINTS, planPoints, pointCount } from '../../grader/sample/plan.js';
import { createRng } from '../../grader/sample/rng.js';
import type { Dist } from '../../grader/sample/dist.js';
import { PointCache } from '../../grader/compare/points.js';
import { question, W2V } from '../helpers.js';

const S = { rows: 1, cols: 1 };
const slot = (dist: Dist, shape = S) => ({ dist, shape });

describe('planPoints', () => {
  it.each([
    ['o in 1..7', 1, 7],
    ['o in 1..15 (the second size set)', 1, 15],
    ['a count in 1..60, stratified', 1, 60],
  ])('%s: every value when few, the extremes when many', (_, min, max) => {
    const slots = [slot({ kind: 'integer', min, max })];
    const n = pointCount(slots, 6);
    const values = planPoints(slots, n, createRng(3, 't')).map((p) => p[0]!.value!);
    if (max - min < n) expect(new Set(values)).toEqual(new Set(Array.from({ length: max - min + 1 }, (_, k) => min + k)));
    else expect(values).toEqual(expect.arrayContaining([min, max]));
  });

  it('takes every scale with both signs for a scalar', () => {
    const plans = planPoints([slot({ kind: 'normal', mean: 0, sd: 1 })], MIN_POINTS, createRng(1, 't'));
    for (const level of LEVELS) expect(new Set(plans.filter((p) => p[0]!.scale === level).map((p) => p[0]!.sign))).toEqual(new Set([1, -1]));
  });
});

describe('points drawn by plan', () => {
  const q = question(W2V, 'free: w\nreference: "(yhat_w - y_w) * v_c"\nexamples: [{ answer: "yhat_w * v_c", verdict: incorrect }]');
  const slotOf = (name: string) => q.model.slots.findIndex((s) => s.name === name);

  it.each([1, 2, 3])('seed %i: o takes every value 1..V, at both size sets', (seed) => {
    const cache = new PointCache(seed);
    for (const at of [q, ...q.others]) {
      const V = at.model.scope.sizes.get('V')!;
      const os = cache.get(at).map((p) => p.envs[0]![slotOf('o')]!.data[0]);
      expect(new Set(os).size).toBe(V);
    }
  });

  it('draws vectors with entries of both signs, and large and small scales', () => {
    const points = new PointCache(1).get(q);
    const vc = points.map((p) => [...p.envs[0]![slotOf('v_c')]!.data]);
    for (const v of vc) expect(v.some((x) => x > 0) && v.some((x) => x < 0)).toBe(true);
    const norms = vc.map((v) => Math.max(...v.map(Math.abs)));
    expect(Math.min(...norms)).toBeLessThan(0.5);
    expect(Math.max(...norms)).toBeGreaterThan(10);
  });

  it('repeats a negative sample at every other point where repeats are allowed', () => {
    const r = question(
      W2V.replace('distinctFrom: [o] }', 'distinctFrom: [o], distinct: false }'),
      'reference: "sum(k, u_k)"\nexamples: [{ answer: "0", verdict: incorrect }]',
    );
    const negs = new PointCache(1).get(r).map((p) => [...p.envs[0]![r.model.slots.findIndex((s) => s.name === 'negs')]!.data]);
    const repeats = negs.map((n) => new Set(n).size < n.length);
    expect(repeats.filter(Boolean).length).toBeGreaterThanOrEqual(negs.length / 2);
    expect(repeats.some((x) => !x)).toBe(true);
  });
});
