/** Snapshots of the rendered reports: what people read, kept stable on purpose. */
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { renderText } from '../../grader/report/terminal.js';
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
