/**
 * A run of submissions graded ahead, question by question (gradeAhead), then submission by
 * submission: every report as grading file by file makes it, the first to give a text getting
 * grading's own report (its evaluation beside it) and later ones a copy, as in file order.
 */
import { describe, expect, it } from 'vitest';
import { gradeAhead, gradeSubmission } from '../../grader/compare/submission.js';
import { heldAhead } from '../../grader/compare/memo.js';
import { evaluationOf } from '../../grader/compare/evaluation.js';
import { PointCache } from '../../grader/compare/points.js';
import { parseSubmission, readSubmission, type Loaded } from '../../grader/submission/load.js';
import { BANK, YAML_SUBMISSIONS } from '../helpers.js';

const yaml = (name: string, body: string): Loaded => parseSubmission(`${name}.yaml`, `student: ${name}\n${body}`);
const run = (): Loaded[] => [
  ...YAML_SUBMISSIONS.map(readSubmission), // right, wrong, LaTeX, and one that fails to load
  yaml('same', "answers:\n  cs224n-a2/naive-softmax-grad-vc: 'U * (y - yhat)'\n  cs224n-a2/sigmoid-derivative: 'sigma(x) * (1 - sigma(x))'\n"),
  yaml('short-ids', "set: cs224n-a2\nanswers:\n  naive-softmax-grad-vc: 'U * (y - yhat)'\n  no-such-question: 'x'\n"),
  yaml('own-names', "answers:\n  cs224n-a2/naive-softmax-grad-vc: 'U * d'\ndefinitions:\n  d: 'yhat - y'\n"),
  yaml('nothing', 'answers: {}\n'),
];

/** Reports as JSON, with whether each has its evaluation beside it. */
const seen = (loaded: Loaded[], points: PointCache, ahead: boolean) => {
  if (ahead) gradeAhead(BANK, loaded, points);
  return loaded.map((l) => {
    const r = gradeSubmission(BANK, l, points);
    return { json: JSON.stringify(r), evaluated: r.questions.map((q) => evaluationOf(q) !== undefined) };
  });
};

describe('grading a run of submissions ahead', () => {
  it('gives every submission the report, and the evaluations, that grading file by file gives', () => {
    const byFile = seen(run(), new PointCache(1), false);
    const ahead = seen(run(), new PointCache(1), true);
    expect(ahead).toEqual(byFile);
    // The run repeats a text: its second giver gets a copy, with no evaluation beside it.
    expect(byFile[1]!.evaluated.some((e) => e)).toBe(true);
    expect(byFile[4]!.evaluated.filter((e) => e)).toHaveLength(0);
  });

  it('grades ahead what the batch has not seen, and hands all of it out', () => {
    const points = new PointCache(1);
    const loaded = run();
    gradeAhead(BANK, loaded, points);
    const held = heldAhead(points);
    expect(held).toBeGreaterThan(20);
    for (const l of loaded) gradeSubmission(BANK, l, points);
    expect(heldAhead(points)).toBe(0);
    // A second run of the same texts finds them graded: nothing new is held.
    gradeAhead(BANK, run(), points);
    expect(heldAhead(points)).toBe(0);
  });

  it("leaves a submission's own definitions to gradeSubmission, and forgets what a failed run left", () => {
    const points = new PointCache(1);
    gradeAhead(BANK, [run()[6]!], points);
    expect(heldAhead(points)).toBe(0);
    gradeAhead(BANK, [run()[4]!], points);
    expect(heldAhead(points)).toBe(2);
    gradeAhead(BANK, [], points);
    expect(heldAhead(points)).toBe(0);
  });
});
