/** Snapshots of the rendered reports: what people read, kept stable on purpose. */
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { finding, type QuestionReport } from '../../grader/core/index.js';
import { MAX_ECHO } from '../../grader/report/escape.js';
import { caret, renderQuestion, renderText } from '../../grader/report/terminal.js';
import { expandPaths, readSubmission } from '../../grader/submission/load.js';
import { BANK } from '../helpers.js';

const level = chalk.level;
afterEach(() => {
  chalk.level = level;
});

const batch = () => {
  const points = new PointCache(1);
  return { submissions: expandPaths(['submissions']).map((f) => gradeSubmission(BANK, readSubmission(f), points)) };
};

describe('terminal report', () => {
  it('in plain text (piped, or NO_COLOR)', () => {
    chalk.level = 0;
    const text = renderText(batch());
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatchSnapshot();
  });

  it('in colour on a terminal', () => {
    chalk.level = 1;
    const text = renderText({ submissions: batch().submissions.slice(1, 2) });
    expect(text).toMatch(/\u001b\[31m✗/); // a red cross for an incorrect answer
    expect(text).toMatchSnapshot();
  });
});

describe('echoing what a student wrote', () => {
  const question = (answer: string): QuestionReport => ({
    id: 'cs224n-a2/naive-softmax-loss',
    verdict: 'invalid',
    score: 0,
    maxScore: 1,
    answer,
    interpreted: null,
    feedback: [finding('TOO_LONG', { length: answer.length, max: 2000 }, { offset: 0 })],
  });
  const answerLine = (answer: string): string => renderQuestion(question(answer)).split('\n')[1]!;

  it.each([
    [
      'a block scalar: trailing line break dropped',
      '\\begin{cases} a & w = o \\\\ b & \\text{otherwise} \\end{cases}\n',
      '    answer:  \\begin{cases} a & w = o \\\\ b & \\text{otherwise} \\end{cases}',
    ],
    ['inner line breaks shown as spaces', 'a\n  + b\r\n+ c\n\n', '    answer:  a + b + c'],
    ['a carriage return alone stays visible', 'a\rb', '    answer:  a\\rb'],
    ['300 characters in full', 'x'.repeat(300), `    answer:  ${'x'.repeat(300)}`],
    ['longer: cut, with an ellipsis and the length', '{'.repeat(10_000), `    answer:  ${'{'.repeat(300)}… (10000 characters)`],
  ])('%s', (_, answer, line) => {
    chalk.level = 0;
    expect(answerLine(answer)).toBe(line);
  });

  it('never echoes a long answer again under a caret', () => {
    chalk.level = 0;
    const text = renderQuestion(question('{'.repeat(10_000)));
    expect(text.length).toBeLessThan(1000);
    expect(caret('{'.repeat(MAX_ECHO + 1), finding('TOO_LONG', { length: MAX_ECHO + 1, max: 2000 }, { offset: 0 }), '')).toEqual([]);
  });
});
