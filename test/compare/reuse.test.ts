/** Read once, compute once: items and --explain reuse what grading computed, and get what recomputing would. */
import { describe, expect, it } from 'vitest';
import { explain } from '../../grader/compare/explain.js';
import { answerRun, evaluateCases } from '../../grader/compare/cases.js';
import { evaluationOf, valuesKept, valuesOf } from '../../grader/compare/evaluation.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { analyseItem } from '../../grader/compare/items.js';
import { PointCache } from '../../grader/compare/points.js';
import { allQuestions } from '../../grader/bank/load.js';
import { BANK, grade } from '../helpers.js';

const q = allQuestions(BANK).find((x) => x.id === 'cs224n-a2/naive-softmax-grad-vc')!;
const points = new PointCache(1);
const answers = ['U * (yhat - y)', 'U * (y - yhat)', '2 * U * (yhat - y)', "U' * (yhat - y)", 'U * (yhat - Y)', "(U' * (yhat - y))'"];

describe('what grading keeps beside its report', () => {
  it.each(answers)('%s', (answer) => {
    const report = grade(q, answer);
    const done = evaluationOf(report);
    if (report.verdict === 'invalid' && report.interpreted === null) expect(done).toBeUndefined();
    else expect(done?.read.compiled).toBeDefined();
    // Reused and recomputed explanations agree: a copy of the report has no evaluation beside it.
    expect(explain(q, report, points.get(q))).toEqual(explain(q, { ...report }, points.get(q)));
  });

  it.each(answers)('%s: computed again on first use, as grading computed it', (answer) => {
    const report = grade(q, answer);
    const done = evaluationOf(report);
    if (!done?.cases) return;
    expect(evaluationOf(report)).toBe(done); // once
    const again = evaluateCases(q, answerRun(q, readAndCompile(q, answer).compiled), points.get(q));
    expect(done.cases).toEqual(again);
    // An incorrect answer keeps its values for item analysis.
    if (report.verdict === 'incorrect') expect(valuesKept(report)).toEqual(valuesOf(again));
    else expect(valuesKept(report)).toBeUndefined();
  });

  it('gives item analysis the same groups as reading every answer again', () => {
    const graded = answers.map((a) => ({ report: grade(q, a) }));
    const copies = graded.map((g) => ({ report: { ...g.report } }));
    expect(graded.some((g) => evaluationOf(g.report)?.cases)).toBe(true);
    expect(analyseItem(q, graded, points)).toEqual(analyseItem(q, copies, points));
  });
});
