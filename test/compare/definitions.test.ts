import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { codes, question, W2V } from '../helpers.js';

const q = question(W2V, 'reference: "U * (yhat - y)"');
const points = new PointCache(1).get(q);
const grade = (answer: string, defs: Record<string, string> = {}) => gradeAnswer(q, answer, points, new Map(Object.entries(defs)));

describe("students' own names", () => {
  it.each([
    ['U * delta', { delta: 'yhat - y' }],
    ['U \\delta_1', { '\\delta_1': '\\hat y - y' }],
    ['U * e1', { e1: 'yhat - y', unused: 'no_such_symbol + 1' }],
    ['U * d2', { d1: 'yhat', d2: 'd1 - y' }],
    ['U\\delta_1 \\text{ where } \\delta_1 = \\hat y - y', {}],
    ['U \\delta \\quad \\text{where} \\quad \\delta = \\hat{y} - y', {}],
    ['U * dd where dd = yhat - y', {}],
    ['U * (a - b) where a = yhat, b = y', {}],
  ])('%s with %j is correct', (answer, defs) => expect(grade(answer, defs).verdict).toBe('correct'));

  it('may not redefine a symbol of the question', () => {
    const r = grade('U * (yhat - y)', { U: 'v_c' });
    expect(r.verdict).toBe('invalid');
    expect(codes(r)).toEqual(['REDEFINES_SYMBOL']);
    expect(codes(grade('U * y where y = yhat'))).toEqual(['REDEFINES_SYMBOL']);
  });

  it('reports an error inside a definition that is used, naming the definition', () => {
    const r = grade('U * delta', { delta: 'yhat - Y' });
    expect(r.verdict).toBe('invalid');
    expect(r.feedback[0]).toMatchObject({ code: 'UNKNOWN_SYMBOL', args: { name: 'Y', definition: 'delta' } });
  });

  it('refuses a where clause that is not name = formula', () => {
    expect(codes(grade('U * dd where yhat - y'))).toEqual(['DEFINITION_FORM']);
    expect(codes(grade('U * d where d = yhat - y'))).toEqual(['REDEFINES_SYMBOL']); // d is a size
  });
});

describe('grades shared within a batch', () => {
  it('never share an answer that uses the student’s own definitions', async () => {
    const { gradeSubmission } = await import('../../grader/compare/submission.js');
    const { parseSubmission } = await import('../../grader/submission/load.js');
    const { BANK } = await import('../helpers.js');
    const batch = new PointCache(1);
    const sub = (defs: string) =>
      parseSubmission('s.yaml', `student: s\ndefinitions: { dd: "${defs}" }\nanswers:\n  cs224n-a2/naive-softmax-grad-vc: "U * dd"\n`);
    const verdict = (defs: string) => gradeSubmission(BANK, sub(defs), batch).questions.find((q) => q.id === 'cs224n-a2/naive-softmax-grad-vc')!.verdict;
    expect(verdict('yhat - y')).toBe('correct');
    expect(verdict('y - yhat')).toBe('incorrect');
    expect(verdict('yhat - y')).toBe('correct');
  });
});
