import { describe, expect, it } from 'vitest';
import { verifyQuestion } from '../../grader/compare/verify.js';
import { question, W2V } from '../helpers.js';

/** Codes of check's findings, less the "no failing example" one these small questions all earn. */
const codes = (q: Parameters<typeof verifyQuestion>[0]) =>
  verifyQuestion(q, 1)
    .issues.map((i) => i.code)
    .filter((c) => c !== 'NO_FAILING_EXAMPLE');

describe('grader check proves references', () => {
  it('accepts a right gradient, with a tiny finite-difference error', () => {
    const q = question(W2V, 'derivative: { of: "-log(yhat_o)", wrt: v_c }\nreference: "U * (yhat - y)"');
    const r = verifyQuestion(q, 1);
    expect(r.issues.map((i) => i.code)).toEqual(['NO_FAILING_EXAMPLE']);
    expect(r.fdError).toBeLessThan(1e-8);
  });

  it.each([
    ['a sign error', 'U * (y - yhat)'],
    ['a missing term', 'U * yhat'],
    ['a factor of two', '2 * U * (yhat - y)'],
  ])('rejects %s in the reference', (_, ref) => {
    const q = question(W2V, `derivative: { of: "-log(yhat_o)", wrt: v_c }\nreference: "${ref}"`);
    expect(codes(q)).toEqual(['FD_MISMATCH']);
  });

  it('differentiates with respect to a family member, for every value of the free index', () => {
    const ok = question(W2V, 'free: w\nderivative: { of: "-log(yhat_o)", wrt: u_w }\nreference: "(yhat_w - y_w) * v_c"');
    const wrongAtO = question(W2V, 'free: w\nderivative: { of: "-log(yhat_o)", wrt: u_w }\nreference: "yhat_w * v_c"');
    expect(codes(ok)).toEqual([]);
    expect(codes(wrongAtO)).toEqual(['FD_MISMATCH']);
  });

  it('differentiates with respect to the column of a negative sample', () => {
    const loss = "-log(sigma(u_o' * v_c)) - sum(k, 1, K, log(sigma(-u_k' * v_c)))";
    const ok = question(W2V, `free: k\nderivative: { of: "${loss}", wrt: u_k }\nreference: "(1 - sigma(-u_k' * v_c)) * v_c"`);
    const wrong = question(W2V, `free: k\nderivative: { of: "${loss}", wrt: u_k }\nreference: "(1 - sigma(u_k' * v_c)) * v_c"`);
    expect(codes(ok)).toEqual([]);
    expect(codes(wrong)).toEqual(['FD_MISMATCH']);
  });

  it('checks a reference against its definition', () => {
    const ok = question(W2V, 'reference: "-log(yhat_o)"\ndefinition: "-sum(w, 1, V, y_w * log(yhat_w))"');
    const wrong = question(W2V, 'reference: "log(yhat_o)"\ndefinition: "-sum(w, 1, V, y_w * log(yhat_w))"');
    expect(codes(ok)).toEqual([]);
    expect(codes(wrong)).toEqual(['DEFINITION_MISMATCH']);
  });

  it('checks that each example gets the verdict it claims', () => {
    const q = question(
      W2V,
      'reference: "U * (yhat - y)"\nexamples:\n  - { answer: "U * (y - yhat)", verdict: correct }\n  - { answer: "U * (yhat - y)", verdict: correct }',
    );
    const r = verifyQuestion(q, 1);
    expect(r.issues.map((i) => i.code)).toEqual(['NO_FAILING_EXAMPLE', 'EXAMPLE_VERDICT']);
    expect(r.issues[1]!.args).toMatchObject({ expected: 'correct', got: 'incorrect' });
    expect(r.issues[1]!.at?.line).toBeGreaterThan(0);
  });

  it('proves authored mistakes wrong, unshadowed, and terms that add up', () => {
    const q = question(
      W2V,
      `reference: "U * (yhat - y)"
terms: { a: "U * yhat", b: "-u_o + v_c" }
mistakes:
  - { answer: "U * (yhat - y)", feedback: "not wrong at all" }
  - { answer: "U * yhat", feedback: "first" }
  - { answer: "U * yhat + 0", feedback: "same value as the one before" }
examples:
  - { answer: "U * yhat", verdict: incorrect }`,
    );
    expect(codes(q)).toEqual(['TERMS_MISMATCH', 'MISTAKE_NOT_WRONG', 'MISTAKE_SHADOWED']);
  });

  it('requires an example that must fail', () => {
    const q = question(W2V, 'reference: "v_c"\nexamples:\n  - { answer: "v_c", verdict: correct }');
    expect(verifyQuestion(q, 1).issues.map((i) => i.code)).toEqual(['NO_FAILING_EXAMPLE']);
  });

  it('blames the author when the reference is undefined almost everywhere', () => {
    const q = question('symbols:\n  x: { sample: normal }', 'reference: "log(x - 100)"');
    expect(codes(q)).toEqual(['REFERENCE_UNDEFINED']);
  });
});
