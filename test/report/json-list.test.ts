/** The streamed JSON: each submission printed inside the list is the object printed alone, indented by 4. */
import { describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../grader/core/index.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { jsonSubmission, jsonSubmissionInList, renderJson } from '../../grader/report/json.js';
import { jsonRenderer } from '../../grader/report/renderer.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { BANK } from '../helpers.js';

const points = new PointCache(1);
const grade = (student: string, answers: Record<string, string>): SubmissionReport =>
  gradeSubmission(BANK, parseSubmission(`${student}.yaml`, JSON.stringify({ student, answers })), points);
const vc = 'cs224n-a2/naive-softmax-grad-vc';

const REPORTS: readonly [string, SubmissionReport][] = [
  ['right', grade('ann', { [vc]: 'U * (yhat - y)' })],
  ['wrong, unicode and quotes', grade('élève "q"', { [vc]: 'U', 'cs224n-a2/sigmoid-derivative': '\\sigma(x) ∂' })],
  ['invalid and unknown', grade('x\u2028y', { [vc]: 'U *', 'nope/q': 'x' })],
  ['no answers', grade('none', {})],
];

describe('jsonSubmissionInList', () => {
  // Indented at line feeds only: a regex's ^ also matched after U+2028 inside a string and put spaces into the data.
  const indented = (s: SubmissionReport): string =>
    JSON.stringify(jsonSubmission(s), null, 2)
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
  it.each(REPORTS)('%s', (_, s) => expect(jsonSubmissionInList(s)).toBe(indented(s)));

  it('keeps a line separator in a string as it is', () => {
    const s = REPORTS[2]![1];
    expect((JSON.parse(jsonSubmissionInList(s)) as { student: string }).student).toBe('x\u2028y');
  });

  it('streams exactly the whole-batch JSON', () => {
    const all = REPORTS.map(([, s]) => s);
    const r = jsonRenderer({ count: all.length });
    expect(`${r.head()}${all.map((s, i) => r.submission(s, i)).join('')}${r.tail()}`).toBe(renderJson({ submissions: all }));
  });
});
