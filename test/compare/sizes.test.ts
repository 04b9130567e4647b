import { describe, expect, it } from 'vitest';
import { codes, grade, question, W2V } from '../helpers.js';

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
