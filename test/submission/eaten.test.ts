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
    ['\u0085', '\\Nabc'],
    ['\u00a0', '\\_abc'],
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

describe('YAML escapes that eat a LaTeX backslash, in a file', () => {
  it.each([
    ['\\Nu', 'BACKSLASH_EATEN', '\\Nu'],
    ['a\\_x', 'BACKSLASH_EATEN', '\\_x'],
    ['x\\_1', 'BACKSLASH_EATEN', '\\_1'],
    ['\\Lambda', 'BACKSLASH_EATEN', '\\Lambda'],
    ['\\Pi', 'BACKSLASH_EATEN', '\\Pi'],
    ['\\nu', 'BACKSLASH_EATEN', '\\nu'],
    ['\\xi', 'YAML_BAD_ESCAPE', undefined],
    ['\\underline{x}', 'YAML_BAD_ESCAPE', undefined],
    ['\\Uparrow', 'YAML_BAD_ESCAPE', undefined],
    ['\\\\theta', 'ok', undefined],
  ])('"%s" → %s', (answer, code, command) => {
    const read = parseSubmission('e.yaml', `student: z\nanswers:\n  a/b: "${answer}"\n`);
    expect(read.ok ? ['ok', undefined] : [read.error.code, read.error.args.command]).toEqual([code, command]);
  });

  it('a no-break space pasted in single quotes is not an eaten backslash', () => {
    const read = parseSubmission('e.yaml', "student: z\nanswers:\n  a/b: 'x\u00a0y'\n");
    expect(read.ok).toBe(true);
  });
});
