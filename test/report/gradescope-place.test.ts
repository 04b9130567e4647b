import { describe, expect, it } from 'vitest';
import { finding, type SubmissionReport } from '../../grader/core/index.js';
import { gradescopeResults } from '../../grader/report/gradescope.js';
import { parseSubmission } from '../../grader/submission/load.js';

/** The report of a file that could not be read, as gradeSubmission makes it. */
const failed = (file: string, text: string): SubmissionReport => {
  const read = parseSubmission(file, text);
  if (read.ok) throw new Error('read');
  return { file, student: null, score: 0, maxScore: 0, seed: 1, error: read.error, questions: [] };
};

describe('Gradescope output says where the upload went wrong', () => {
  it.each([
    ['an unclosed quote', 'student: z\nanswers:\n  a/b: "-log(yhat_o)\n', 'line 4, column 1'],
    ['a bad escape', 'student: z\nanswers:\n  a/b: "\\hat y"\n', 'line 3, column'],
    ['an unresolved alias', 'student: z\nanswers:\n  loss: *nope\n', 'line 3, column 9'],
    ['an empty file', '', 'line 1, column 1'],
    ['a comment-only file', '# nothing yet\n', 'line 1, column 1'],
  ])('%s', (_, text, where) => {
    const out = gradescopeResults(failed('/autograder/submission/answers.yaml', text)).output;
    expect(out).toContain(`(answers.yaml ${where}`);
    expect(out).not.toContain('/autograder');
  });

  it.each([
    [[], 'Graded with seed 1: 0/0.'],
    [[finding('STUDENT_FROM_FILE', { student: 'a' }, { file: 'x/a.yaml', line: 1, col: 1 }, 'warning')], 'Graded with seed 1: 0/0.\n\n- warning: no'],
  ])('warnings are listed under the score', (warnings, start) => {
    const s: SubmissionReport = {
      file: 'a.yaml',
      student: 'a',
      score: 0,
      maxScore: 0,
      seed: 1,
      error: null,
      questions: [],
      ...(warnings.length ? { warnings } : {}),
    };
    const out = gradescopeResults(s).output;
    expect(out.startsWith(start)).toBe(true);
    expect(out.includes('(a.yaml line 1, column 1)')).toBe(warnings.length > 0);
  });
});
