/** Issue 12.1: many or deeply chained definitions cost one student's answer, in linear time. */
import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { codes, question, W2V } from '../helpers.js';

const q = question(W2V, 'reference: "U * (yhat - y)"');
const points = new PointCache(1).get(q);
const grade = (answer: string, defs: Map<string, string>) => gradeAnswer(q, answer, points, defs);

describe('definitions', () => {
  it('binds thousands of independent names in linear time', () => {
    const defs = new Map(Array.from({ length: 20_000 }, (_, i) => [`d${i}`, 'yhat - y']));
    const t = performance.now();
    expect(grade('U * d19999', defs).verdict).toBe('correct');
    // Copying the scope per name took minutes and gigabytes at this count.
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it.each([40, 5000])('a chain of %i definitions is invalid, not a stack overflow', (n) => {
    const defs = new Map(Array.from({ length: n }, (_, i) => [`c${i}`, i === 0 ? 'yhat - y' : `c${i - 1}`]));
    const r = grade(`U * c${n - 1}`, defs);
    expect(r.verdict).toBe('invalid');
    expect(codes(r)).toContain('DEFINITIONS_TOO_DEEP');
  });

  it('a chain within the bound still works, and a definition cannot use itself or a later one', () => {
    const defs = new Map(Array.from({ length: 20 }, (_, i) => [`c${i}`, i === 0 ? 'yhat - y' : `c${i - 1}`]));
    expect(grade('U * c19', defs).verdict).toBe('correct');
    expect(
      grade(
        'U * a',
        new Map([
          ['a', 'b'],
          ['b', 'yhat - y'],
        ]),
      ).verdict,
    ).toBe('invalid');
    expect(grade('U * a', new Map([['a', 'a + 1']])).verdict).toBe('invalid');
  });
});
