import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../grader/submission/load.js';

describe('unknown top-level keys of a submission', () => {
  it.each([
    ['answer', 2, 1, ['answers']],
    ['Answers', 2, 1, ['answers']],
    ['studnet', 2, 1, ['student']],
    ['foo', 2, 1, []],
  ])('`%s:` is a warning at %i:%i suggesting %j', (key, line, col, suggestions) => {
    const read = parseSubmission('k.yaml', `student: z\n${key}:\n  cs224n-a2/naive-softmax-loss: -log(yhat_o)\n`);
    if (!read.ok) throw new Error('not read');
    const w = read.submission.warnings?.find((f) => f.code === 'SUBMISSION_UNKNOWN_KEY');
    expect({ key: w?.args.key, suggestions: w?.args.suggestions, line: w?.at?.line, col: w?.at?.col, severity: w?.severity }).toEqual({
      key,
      suggestions,
      line,
      col,
      severity: 'warning',
    });
  });

  it.each(['student: z\nset: s\nanswers: {}\ndefinitions: {}\n', 'student: z\nanswers:\n  a/b: x\n'])('no warning for %j', (text) => {
    const read = parseSubmission('k.yaml', text);
    expect(read.ok && (read.submission.warnings ?? []).map((f) => f.code)).toEqual([]);
  });
});

describe('an answer is placed at its id (the key), fast read or full read', () => {
  it.each([
    ["student: z\nanswers:\n  naive-sotmax-loss: '-log(yhat_o)'\n", 3, 3],
    ["student: z\nanswers:\n    naive-sotmax-loss: '-log(yhat_o)'\n", 3, 5],
    ["student: &s z\nanswers:\n  naive-sotmax-loss: '-log(yhat_o)'\n", 3, 3],
    ['student: z\nanswers:\n  naive-sotmax-loss: |\n    -log(yhat_o)\n', 3, 3],
  ])('%j', (text, line, col) => {
    const read = parseSubmission('k1.yaml', text);
    if (!read.ok) throw new Error('not read');
    const at = read.submission.answerAt.get('naive-sotmax-loss');
    expect({ line: at?.line, col: at?.col }).toEqual({ line, col });
  });
});
