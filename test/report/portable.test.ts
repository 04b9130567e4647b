/**
 * Submissions rendered on a worker thread: the same bytes as the main thread's renderer, and the
 * run's tail counts what the workers said failed.
 */
import { describe, expect, it } from 'vitest';
import { finding, type SubmissionReport } from '../../grader/core/index.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { isRendered, renderPortable } from '../../grader/report/portable.js';
import { csvRenderer, jsonRenderer, textRenderer, type Renderer } from '../../grader/report/renderer.js';
import { setColourLevel } from '../../grader/report/terminal.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { BANK } from '../helpers.js';

const points = new PointCache(1);
const grade = (student: string, answers: Record<string, string>): SubmissionReport =>
  gradeSubmission(BANK, parseSubmission(`${student}.yaml`, JSON.stringify({ student, answers })), points);
const vc = 'cs224n-a2/naive-softmax-grad-vc';
const broken: SubmissionReport = {
  file: 'bad\u0007.yaml',
  student: null,
  score: 0,
  maxScore: 0,
  seed: 1,
  error: finding('WORKER_CRASHED', { detail: 'out of memory' }, { file: 'bad.yaml' }),
  questions: [],
};
const REPORTS: readonly SubmissionReport[] = [
  grade('ann', { [vc]: 'U * (yhat - y)' }),
  broken,
  grade('=cmd|x', { [vc]: 'U', 'cs224n-a2/sigmoid-derivative': '\\sigma(x) ∂' }),
  grade('x\u2028y', { [vc]: 'U *', 'nope/q': 'x' }),
];

const RENDERERS: readonly [string, () => Renderer][] = [
  ['text', () => textRenderer({ count: REPORTS.length })],
  ['json', () => jsonRenderer({ count: REPORTS.length })],
  ['csv', () => csvRenderer([vc, 'cs224n-a2/sigmoid-derivative'])],
];

describe.each([0, 2] as const)('colour level %i', (colour) => {
  it.each(RENDERERS)('%s: a run of rendered submissions is byte for byte the run of reports', (_, make) => {
    setColourLevel(colour);
    const here = make();
    const there = make();
    const spec = there.elsewhere!.spec;
    const rendered = REPORTS.map((s, i) => renderPortable(spec, s, i));
    expect(rendered.every(isRendered)).toBe(true);
    expect(rendered.map((r) => r.failed)).toEqual([false, true, false, false]);
    const direct = `${here.head()}${REPORTS.map((s, i) => here.submission(s, i)).join('')}${here.tail()}`;
    expect(`${there.head()}${rendered.map((r, i) => there.elsewhere!.take(r, i)).join('')}${there.tail()}`).toBe(direct);
    setColourLevel(0);
  });
});

it('the text renderer tells workers its colour level', () => {
  setColourLevel(3);
  expect(textRenderer({ count: 2 }).elsewhere!.spec).toEqual({ format: 'text', colour: 3 });
  setColourLevel(0);
});

it('a report is never taken for rendered text', () => expect(REPORTS.some(isRendered)).toBe(false));
