import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { codes, grade, question, W2V } from '../helpers.js';

const vc = question(W2V, 'reference: "U * (yhat - y)"');
const uw = question(W2V, 'free: w\nreference: "(yhat_w - y_w) * v_c"');
const dU = question(W2V, `reference: "v_c * (yhat - y)'"`);

const QUESTIONS = { vc, uw, dU } as const;

describe('verdicts', () => {
  it.each([
    ['vc', 'U * (yhat - y)', 'correct', []],
    ['vc', '-u_o + sum(w, yhat_w * u_w)', 'correct', []],
    ['vc', "(yhat - y)' * U'", 'correct', ['ORIENTATION_FORGIVEN']],
    ['vc', 'U * (y - yhat)', 'incorrect', ['SIGN_FLIPPED', 'VALUE_MISMATCH']],
    ['vc', "U' * (yhat - y)", 'invalid', ['SHAPE_PRODUCT']],
    ['vc', 'u_o', 'incorrect', ['MISSING_DEPENDENCY', 'VALUE_MISMATCH']],
    ['vc', 'sum(k, 1, K, u_k) - sum(k, 1, K, U[:, w_k])', 'incorrect', ['ZERO_ANSWER', 'VALUE_MISMATCH']],
    ['vc', 'yhat_(o + 7) * v_c', 'invalid', ['INDEX_RANGE']],
    ['vc', 'log(-1) * v_c', 'incorrect', ['NOT_FINITE', 'VALUE_MISMATCH']],
    ['vc', '', 'unanswered', []],
    ['vc', undefined, 'unanswered', []],
    ['dU', "(yhat - y) * v_c'", 'incorrect', ['SHAPE_MISMATCH', 'TRANSPOSED']],
    ['dU', '0', 'incorrect', ['ZERO_ANSWER', 'VALUE_MISMATCH']],
    ['uw', 'w == o ? (yhat_w - 1) * v_c : yhat_w * v_c', 'correct', []],
    ['uw', 'yhat_w * v_c', 'incorrect', ['WRONG_WHEN_EQUAL', 'VALUE_MISMATCH']],
  ] as const)('%s: %s → %s', (name, answer, verdict, expected) => {
    const q = QUESTIONS[name];
    const r = grade(q, answer);
    expect(r.verdict).toBe(verdict);
    expect(codes(r)).toEqual(expected);
    expect(r.score).toBe(verdict === 'correct' ? q.points : 0);
    expect(r.maxScore).toBe(q.points);
  });

  it('u_k is the column of the k-th negative sample, not column k', () => {
    expect(grade(vc, 'sum(k, 1, K, u_k) - sum(k, 1, K, U[:, negs[k]]) + U * (yhat - y)').verdict).toBe('correct');
  });

  it('reports a shape mismatch in the question’s terms, with a transpose hint', () => {
    const r = grade(dU, "(yhat - y) * v_c'");
    expect(r.feedback[0]!.args).toMatchObject({ got: '7 x 3', gotName: 'V x d', expected: '3 x 7', expectedName: 'd x V', hint: 'transposed' });
  });

  it('accepts a plain 0 for a zero vector', () => {
    const zero = question(W2V, 'reference: "zeros(d)"');
    expect(grade(zero, '0').verdict).toBe('correct');
    expect(grade(zero, '1').verdict).toBe('incorrect');
  });

  it('shows how the answer was read', () => {
    expect(grade(dU, 'v_c (yhat - y)^T').interpreted).toBe("v_c * (yhat - y)'");
  });
});

describe('seeded points', () => {
  it('are the same for the same seed and question, whatever else was drawn', () => {
    const a = new PointCache(7);
    const b = new PointCache(7);
    b.get(uw);
    expect(a.get(vc)[0]!.envs[0]![0]!.data).toEqual(b.get(vc)[0]!.envs[0]![0]!.data);
  });

  it('differ between seeds', () => {
    expect(new PointCache(1).get(vc)[0]!.envs[0]![0]!.data).not.toEqual(new PointCache(2).get(vc)[0]!.envs[0]![0]!.data);
  });

  it('give the same grade on every run', () => {
    const once = grade(uw, 'yhat_w * v_c', 42);
    expect(grade(uw, 'yhat_w * v_c', 42)).toEqual(once);
  });

  it('resample where the reference is undefined', () => {
    const q = question('symbols:\n  x: { sample: { dist: uniform, min: -1, max: 1 } }', 'reference: "log(x)"');
    const points = new PointCache(3).get(q);
    expect(points.every((p) => p.envs[0]![0]!.data[0]! > 0)).toBe(true);
  });
});
