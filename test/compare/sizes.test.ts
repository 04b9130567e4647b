import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../grader/bank/load.js';
import { PointCache } from '../../grader/compare/points.js';
import { checkedAt } from '../../grader/compare/sizes.js';
import { keepsRelation, largerSizes } from '../../grader/bank/question.js';
import { BANK, codes, grade, question, W2V } from '../helpers.js';

const vc = question(W2V, 'reference: "U * (yhat - y)"\nexamples: [{ answer: "U * yhat", verdict: incorrect }]');
const negs = question(W2V, 'reference: "sum(k, u_k)"\nexamples: [{ answer: "0", verdict: incorrect }]');
const zero = question(W2V, 'reference: "zeros(d)"\nexamples: [{ answer: "1", verdict: incorrect }]');

describe('a second size set', () => {
  it('is derived larger, distinct, in the same order, distinct from every size of the bank', () => {
    expect([...vc.others[0]!.model.scope.sizes]).toEqual([
      ['d', 8],
      ['V', 15],
      ['K', 10],
    ]);
  });

  // d = 3, K = 4: 2n + 1 gives d 7, taken by V = 7, so d 8; K 9 would keep K = d + 1 at both sets.
  it.each([
    ['word2vec', { d: 3, V: 7, K: 4, m: 5 }, { d: 8, K: 10, m: 12, V: 15 }],
    ['V = 2d + 1 kept by 2n + 1 itself', { n: 3, m: 7 }, { n: 8, m: 15 }],
    ['one size', { n: 2 }, { n: 5 }],
    ['large sizes (n + 8)', { a: 20, b: 40 }, { a: 28, b: 49 }],
  ])('%s: no simple relation between sizes holds at both sets', (_, sizes, want) => {
    const decls = { sizes: new Map(Object.entries(sizes).map(([k, v]) => [k, { value: v }])) } as unknown as Parameters<typeof largerSizes>[0];
    const got = largerSizes(decls);
    expect(Object.fromEntries(got)).toEqual(want);
    const pairs = Object.entries(sizes).map(([k, v]) => [v, got.get(k)!] as const);
    for (const [b, c] of pairs)
      expect(
        keepsRelation(
          pairs.filter(([x]) => x !== b),
          b,
          c,
        ),
      ).toBe(false);
  });

  it.each([
    ['b = a + 1', [[3, 8]], 4, 9, true],
    ['b = 2a + 1', [[3, 7]], 7, 15, true],
    ['a = 2b - 2', [[4, 10]], 3, 6, true],
    [
      'b = a1 + a2',
      [
        [3, 8],
        [4, 10],
      ],
      7,
      18,
      true,
    ],
    [
      'no relation kept',
      [
        [3, 8],
        [4, 10],
      ],
      7,
      15,
      false,
    ],
    ['a difference at any offset', [[20, 28]], 40, 48, true],
    ['factors past 1 with offsets past 4 are not relations', [[3, 8]], 13, 23, false],
  ] as const)('keepsRelation: %s', (_, done, b, c, kept) => {
    expect(keepsRelation(done, b, c)).toBe(kept);
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
