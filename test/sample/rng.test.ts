import { describe, expect, it } from 'vitest';
import { draw } from '../../grader/sample/dist.js';
import { createRng, hash32, normal } from '../../grader/sample/rng.js';
import { scalar } from '../../grader/linalg/mat.js';

const take = (seed: number, stream: string, n = 5) => {
  const r = createRng(seed, stream);
  return Array.from({ length: n }, () => r.next());
};

describe('rng', () => {
  it('is reproducible and depends on seed and stream', () => {
    expect(take(1, 'a')).toEqual(take(1, 'a'));
    expect(take(1, 'a')).not.toEqual(take(2, 'a'));
    expect(take(1, 'a')).not.toEqual(take(1, 'b'));
  });

  it('gives the same numbers on every machine (pinned values)', () => {
    expect(hash32('cs224n-a2/naive-softmax-grad-vc')).toBe(hash32('cs224n-a2/naive-softmax-grad-vc'));
    expect(take(1, 'x', 3).map((x) => x.toFixed(12))).toMatchSnapshot();
  });

  it('draws uniforms in [0, 1) and normals with mean near 0', () => {
    const r = createRng(5);
    const xs = Array.from({ length: 20000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const ns = Array.from({ length: 20000 }, () => normal(r));
    expect(Math.abs(ns.reduce((a, b) => a + b) / ns.length)).toBeLessThan(0.05);
  });
});

describe('distributions', () => {
  it('draws distinct indices that avoid another index', () => {
    const r = createRng(9);
    for (let t = 0; t < 200; t++) {
      const env = [scalar(1 + (t % 7))];
      const negs = [...draw({ kind: 'indices', max: 7, distinct: true, avoid: [0] }, { rows: 6, cols: 1 }, r, env).data];
      expect(new Set(negs).size).toBe(6);
      expect(negs).not.toContain(env[0]!.data[0]);
      expect(negs.every((v) => Number.isInteger(v) && v >= 1 && v <= 7)).toBe(true);
    }
  });

  it('draws one-hot and probability vectors', () => {
    const r = createRng(3);
    const oh = draw({ kind: 'onehot' }, { rows: 5, cols: 1 }, r, []);
    expect([...oh.data].sort()).toEqual([0, 0, 0, 0, 1]);
    const p = draw({ kind: 'probability' }, { rows: 5, cols: 1 }, r, []);
    expect([...p.data].reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(Math.min(...p.data)).toBeGreaterThan(0);
  });
});

describe('draw', () => {
  it('refuses a distribution kind it does not know, rather than drawing zeros', () => {
    const bogus = { kind: 'cauchy' } as unknown as Parameters<typeof draw>[0];
    expect(() => draw(bogus, { rows: 2, cols: 1 }, createRng(1, 'x'), [])).toThrow(/unexpected distribution/);
  });
});
