import { describe, expect, it } from 'vitest';
import { verifyQuestion } from '../../grader/compare/verify.js';
import { loadProblemText } from '../../grader/bank/load.js';
import { grade, question, W2V } from '../helpers.js';

describe('a reference written in TypeScript', () => {
  const q = question(
    W2V,
    'derivative: { of: "-log(yhat_o)", wrt: v_c }\nimplementation: numeric-gradient\nexamples:\n  - { answer: "U * yhat", verdict: incorrect }',
  );

  it('grades like an expression reference', () => {
    expect(grade(q, 'U * (yhat - y)').verdict).toBe('correct');
    expect(grade(q, '-u_o + sum(w, yhat_w * u_w)').verdict).toBe('correct');
    expect(grade(q, 'U * yhat').verdict).toBe('incorrect');
    expect(q.reference.shape).toEqual({ rows: 3, cols: 1 });
  });

  it('is proven by check', () => expect(verifyQuestion(q, 1).issues).toEqual([]));

  it('counts its work as the loss runs it makes: four an entry', () => {
    const d = q.derivative!;
    expect(q.reference.work).toBe(4 * d.loss.work * 3);
  });

  it.each([
    ['an unknown name', 'implementation: nope', 'UNKNOWN_IMPLEMENTATION'],
    ['a missing derivative', 'implementation: numeric-gradient', 'IMPLEMENTATION_NEEDS'],
    ['both reference and implementation', 'reference: "v_c"\n    implementation: numeric-gradient', 'SPEC_SCHEMA'],
  ])('reports %s', (_, body, code) => {
    const text = `set: t\ntitle: T\nsymbols: { v_c: { shape: 3, sample: normal } }\nquestions:\n  - id: q\n    title: Q\n    prompt: P\n    ${body}\n`;
    expect(loadProblemText('x.yaml', text).issues.map((i) => i.code)).toEqual([code]);
  });
});
