import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../grader/bank/load.js';
import { PointCache } from '../../grader/compare/points.js';
import { checkedAt } from '../../grader/compare/sizes.js';
import { BANK, codes, grade, question, W2V } from '../helpers.js';

const vc = question(W2V, 'reference: "U * (yhat - y)"\nexamples: [{ answer: "U * yhat", verdict: incorrect }]');
const negs = question(W2V, 'reference: "sum(k, u_k)"\nexamples: [{ answer: "0", verdict: incorrect }]');
const zero = question(W2V, 'reference: "zeros(d)"\nexamples: [{ answer: "1", verdict: incorrect }]');

describe('a second size set', () => {
  it('is derived larger, distinct, in the same order, distinct from every size of the bank', () => {
    expect([...vc.others[0]!.model.scope.sizes]).toEqual([
      ['d', 8],
      ['V', 15],
      ['K', 9],
    ]);
  });

  it('can be given by the spec (and [] grades at the bank sizes only)', () => {
    const given = question(
      W2V,
      'sizeSets: [{ d: 5, V: 11, K: 6 }, { V: 9 }]\nreference: "U * (yhat - y)"\nexamples: [{ answer: "U * yhat", verdict: incorrect }]',
    );
    expect(given.others.map((o) => o.model.scope.sizes.get('V'))).toEqual([11, 9]);
    expect(question(W2V, 'sizeSets: []\nreference: "U * (yhat - y)"\nexamples: [{ answer: "U * yhat", verdict: incorrect }]').others).toEqual([]);
  });

  it.each([
    [vc, 'U * yhat - U * onehot(o, 7)', 'V = 7'],
    [vc, 'sum(w, 1, 7, yhat_w * u_w) - u_o', 'V = 7'],
    [negs, 'sum(k, 1, 4, u_k)', 'K = 4'],
    [zero, 'zeros(3)', 'd = 3'],
  ])('%#: %s holds only when %s: SIZE_SPECIFIC', (q, answer, sizes) => {
    const r = grade(q, answer);
    expect(r.verdict).toBe('incorrect');
    expect(r.feedback.find((f) => f.code === 'SIZE_SPECIFIC')?.args).toMatchObject({ sizes, named: true });
  });

  it.each([
    [vc, 'sum(w, 1, V, yhat_w * u_w) - u_o'],
    [negs, 'sum(k, 1, K, u_k)'],
    [zero, 'zeros(d)'],
  ])('%#: %s holds at every size', (q, answer) => expect(codes(grade(q, answer))).toEqual([]));
});

describe('the cases checked at another size set', () => {
  const free = allQuestions(BANK).filter((q) => q.free && q.others.length);
  const points = new PointCache(1);

  it.each(free.map((q) => [q.id, q] as const))('%s: every free value at 3 points or more, and every w = o', (_, q) => {
    for (const o of q.others) {
      const pts = points.get(o);
      const seen = new Map<number, number>();
      pts.forEach((p, i) => {
        const checked = checkedAt(o, p, i);
        for (const e of checked) seen.set(p.freeValues[e]!, (seen.get(p.freeValues[e]!) ?? 0) + 1);
        // A free value equal to a scalar index (w = o) is always checked.
        o.model.slots.forEach((s, slot) => {
          if (s.dist?.kind !== 'integer' || s.shape.rows * s.shape.cols !== 1) return;
          p.envs.forEach((env, e) => {
            if (env[slot]!.data[0] === p.freeValues[e]) expect(checked).toContain(e);
          });
        });
        expect(checked.length).toBeLessThan(p.envs.length);
      });
      expect(seen.size).toBe(o.free!.hi - o.free!.lo + 1);
      expect(Math.min(...seen.values())).toBeGreaterThanOrEqual(3);
    }
  });

  it('is every case without a free index', () => {
    const q = allQuestions(BANK).find((x) => !x.free && x.others.length)!;
    const o = q.others[0]!;
    points.get(o).forEach((p, i) => expect(checkedAt(o, p, i)).toEqual([0]));
  });
});
