import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../grader/core/limits.js';
import { eatenBackslash, parseSubmission } from '../../grader/submission/load.js';

describe('eatenBackslash after its quick scan', () => {
  it.each([
    ['\t', '\\tabc'],
    ['\f', '\\fabc'],
    ['\b', '\\babc'],
    ['\v', '\\vabc'],
    ['\u0007', '\\aabc'],
    ['\u001b', '\\eabc'],
    ['\r', '\\rabc'],
    ['\0', '\\0abc'],
    ['\u2028', '\\Labc'],
    ['\u2029', '\\Pabc'],
    ['\n', '\\neq'],
  ])('finds %j before letters', (c, command) => {
    const text = c === '\n' ? `x ${c}eq y` : `x ${c}abc`;
    expect(eatenBackslash(text)).toEqual({ command, offset: 2 });
  });

  it.each(['U (yhat - y)', '\\theta', 'a\nb', '', 'é ∂ 😀'])('finds none in %j', (text) => expect(eatenBackslash(text)).toBeUndefined());
});

describe('the line limit, counted without splitting', () => {
  const max = FILE_LIMITS.submissionLines;
  it.each([
    [max, 'ok'],
    [max + 1, 'LIMIT_EXCEEDED'],
  ])('%i lines: %s', (lines, outcome) => {
    const read = parseSubmission('f.yaml', `student: s${'\n#'.repeat(lines - 1)}`);
    expect(read.ok ? 'ok' : read.error.code).toBe(outcome);
  });
});
