/** The gradebook formats: CSV, Gradescope's results.json, HTML, item analysis. */
import { describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../grader/core/index.js';
import { analyseItem } from '../../grader/compare/items.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { csvCell, renderCsv } from '../../grader/report/csv.js';
import { gradescopeResults } from '../../grader/report/gradescope.js';
import { escapeHtml, renderHtml } from '../../grader/report/html.js';
import { allQuestions } from '../../grader/bank/load.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { BANK } from '../helpers.js';

const points = new PointCache(1);
const grade = (student: string, answers: Record<string, string>): SubmissionReport =>
  gradeSubmission(BANK, parseSubmission(`${student}.yaml`, JSON.stringify({ student, answers })), points);
const vc = 'cs224n-a2/naive-softmax-grad-vc';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM', "'@SUM"],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('has a row per student, a column per question and a total', () => {
    const csv = renderCsv([grade('ann', { [vc]: 'U * (yhat - y)' }), grade('=cmd', { [vc]: 'U' })]);
    const [header, ann, bad] = csv.trimEnd().split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['student', 'file', 'cs224n-a2/naive-softmax-loss']);
    expect(header!.split(',').slice(-3)).toEqual(['total', 'max', 'error']);
    expect(ann!.split(',')[3]).toBe('2');
    expect(bad!.startsWith("'=cmd,")).toBe(true);
  });
});

describe('gradescope', () => {
  it('gives a score and a test per question', () => {
    const r = gradescopeResults(grade('ann', { [vc]: 'U * (y - yhat)' }));
    expect(r.score).toBe(0);
    const t = r.tests.find((x) => x.name === vc)!;
    expect(t).toMatchObject({ score: 0, max_score: 2, status: 'failed', visibility: 'visible' });
    expect(t.output).toContain('the sign is flipped');
  });

  it('explains an unreadable submission', () => {
    const r = gradescopeResults(gradeSubmission(BANK, parseSubmission('x.yaml', 'student: [oops'), points));
    expect(r).toMatchObject({ score: 0, tests: [] });
    expect(r.output).toContain('could not be graded');
  });
});

describe('html', () => {
  it('escapes everything a student wrote', () => {
    const html = renderHtml([grade('<script>alert(1)</script>', { [vc]: '<img src=x onerror=alert(1)>' })], (t) => `<math>${escapeHtml(t)}</math>`);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
  });

  it('typesets the answer and how it was read', () => {
    const seen: string[] = [];
    renderHtml([grade('ann', { [vc]: '$U(\\hat y - y)$' })], (t) => (seen.push(t), '<math></math>'));
    expect(seen).toContain('U(\\hat y - y)');
    expect(seen).toContain('U \\, \\left(\\hat{y} - y\\right)');
  });
});

describe('item analysis', () => {
  const q = allQuestions(BANK).find((x) => x.id === vc)!;
  const answers = [
    ['U * (yhat - y)', 'correct'],
    ['U * (y - yhat)', 'incorrect'],
    ['-U * (yhat - y)', 'incorrect'],
    ['$U(y - \\hat y)$', 'incorrect'],
    ['U * yhat', 'incorrect'],
    ['U*', 'invalid'],
    ['', 'unanswered'],
  ].map(([a]) => ({ report: grade('s', a ? { [vc]: a } : {}).questions.find((x) => x.id === vc)! }));

  it('counts verdicts and groups wrong answers by value, most common first', () => {
    const it_ = analyseItem(q, answers, points);
    expect(it_.counts).toEqual({ correct: 1, incorrect: 4, invalid: 1, unanswered: 1 });
    expect(it_.shares.correct).toBeCloseTo(1 / 7);
    expect(it_.wrong.map((w) => [w.count, w.spellings])).toEqual([
      [3, 3],
      [1, 1],
    ]);
    expect(it_.wrong[0]!.feedback.map((f) => f.code)).toContain('SIGN_FLIPPED');
    expect(it_.wrong[1]!.answer).toBe('U * yhat');
  });
});
