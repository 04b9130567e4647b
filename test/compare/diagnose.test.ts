/** Each diagnosis, named by its code and arguments, for the mistakes students make. */
import { describe, expect, it } from 'vitest';
import { nice } from '../../grader/compare/diagnose.js';
import { codes, grade, question, W2V } from '../helpers.js';

const vc = question(
  W2V,
  `reference: "U * (yhat - y)"
terms:
  "U yhat": "U * yhat"
  "-u_o": "-u_o"
mistakes:
  - answer: "U * (yhat - y) / 2"
    feedback: "Half of it: check the factor from the chain rule."
    credit: 0.25`,
);
const uw = question(W2V, 'free: w\nreference: "(yhat_w - y_w) * v_c"');
const dU = question(W2V, `reference: "v_c * (yhat - y)'"`);
const QUESTIONS = { vc, uw, dU } as const;

describe('diagnoses', () => {
  it.each([
    ['vc', 'U * (y - yhat)', 'SIGN_FLIPPED', {}],
    ['vc', '3 * U * (yhat - y)', 'CONSTANT_FACTOR', { factor: '3' }],
    ['vc', '-U * (yhat - y) / 3', 'CONSTANT_FACTOR', { factor: '-1/3' }],
    ['vc', 'U * (yhat - y) + 2', 'CONSTANT_TERM', { term: '2' }],
    ['vc', 'U * yhat', 'MISSING_TERM', { term: '-u_o' }],
    ['vc', '-u_o', 'MISSING_TERM', { term: 'U yhat' }],
    ['vc', 'U * yhat + u_o', 'TERM_SIGN', { term: '-u_o' }],
    ['vc', 'U * yhat - 2 * u_o', 'EXTRA_TERM', { term: '-u_o' }],
    ['vc', '0', 'ZERO_ANSWER', {}],
    ['vc', 'U * (yhat - y) / 2', 'KNOWN_MISTAKE', { credit: 0.25 }],
    ['vc', 'U * (yhat - y) + u_(w_1)', 'DEPENDS_ON_EXTRA', { symbols: ['negs'] }],
    ['vc', '-v_c', 'MISSING_DEPENDENCY', { symbols: ['U', 'o'] }],
    ['dU', "(yhat - y) * v_c'", 'TRANSPOSED', {}],
    ['uw', 'yhat_w * v_c', 'WRONG_WHEN_EQUAL', { index: 'w', other: 'o' }],
    ['uw', '(yhat_w - 1) * v_c', 'WRONG_WHEN_NOT_EQUAL', { index: 'w', other: 'o' }],
    ['uw', '(yhat_w - y_w) * v_c + (w == 3 ? v_c : 0)', 'WRONG_FOR_SOME_INDEX', { index: 'w' }],
  ] as const)('%s: %s → %s', (name, answer, code, args) => {
    const r = grade(QUESTIONS[name], answer);
    expect(r.verdict).toBe('incorrect');
    const f = r.feedback.find((x) => x.code === code);
    expect(f, codes(r).join(',')).toBeDefined();
    expect(f!.args).toMatchObject(args);
  });

  it('gives an authored mistake its partial credit', () => {
    const r = grade(vc, 'U * (yhat - y) / 2');
    expect(r.score).toBe(0.25 * vc.points);
    expect(codes(r)[0]).toBe('KNOWN_MISTAKE');
  });

  it('names factors as students read them', () => {
    expect([2, 0.5, -1 / 3, 1 / 12, Math.PI].map(nice)).toEqual(['2', '1/2', '-1/3', '1/12', '3.142']);
  });
});

describe('required form', () => {
  const inv = question(
    'sizes: { K: 5 }\nsymbols:\n  x: { shape: K, sample: normal }\n  c: { sample: normal }\nindices:\n  j: { range: [1, K] }\n  k: { range: [1, K] }\nfamilies:\n  x: "x[i]"',
    'free: j\nreference: "softmax(x)[j]"\nform: { without: [c], credit: 0.5 }',
  );
  const sig = question('symbols:\n  x: { sample: normal }', 'reference: "sigma(x) * (1 - sigma(x))"\nform: { using: [sigma] }');

  it.each([
    [inv, 'softmax(x)[j]', 'correct', 1],
    [inv, 'exp(x_j + c) / sum(k, exp(x_k + c))', 'incorrect', 0.5],
    [sig, 'sigmoid(x) * (1 - sigmoid(x))', 'correct', 1],
    [sig, 'exp(-x) / (1 + exp(-x))^2', 'incorrect', 0],
  ] as const)('%#: %s', (q, answer, verdict, score) => {
    const r = grade(q, answer);
    expect(r.verdict).toBe(verdict);
    expect(r.score).toBe(score);
    if (verdict === 'incorrect') expect(codes(r)).toEqual(['FORM_REQUIRED']);
  });
});
