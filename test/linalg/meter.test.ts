import { describe, expect, it } from 'vitest';
import { compileText } from '../../grader/expr/index.js';
import { questionScope } from '../../grader/compare/read.js';
import * as M from '../../grader/linalg/mat.js';
import { div, log as meterLog, measure } from '../../grader/linalg/meter.js';
import { question, W2V } from '../helpers.js';

describe('a quotient out of float64’s range is noted, like an exponential', () => {
  it.each([
    ['1 / a value near the least positive double', 1, 1e-310, true],
    ['a large value / a small one', 1e300, 1e-300, true],
    ['an ordinary quotient', 1, 3, false],
    ['a division by an exact 0 (the answer’s own)', 1, 0, false],
    ['0 / 0', 0, 0, false],
    ['an infinite operand (already out of range)', Infinity, 2, false],
  ])('%s', (_, x, y, overflow) => {
    expect(measure(() => div(x, y)).overflow).toBe(overflow);
    expect(div(x, y)).toBe(x / y); // the meter observes, never changes a value
  });

  const q = question(W2V, 'reference: "U * (yhat - y)"');
  const { scope, first } = questionScope(q);
  it.each([
    ['scalars', '1 / yhat_o', true],
    ['a vector over a scalar', '(1 + v_c) / yhat_o', true],
    ['a scalar over a vector', '1 ./ v_c', true],
    ['two vectors', '(1 + v_c) ./ v_c', true],
    ['ordinary quotients', '(1 + v_c) ./ (1 + v_c)', false],
  ])('in compiled %s', (_, text, overflow) => {
    // Every symbol a vector or scalar of 1e-310 (o = 1, an index).
    const env = q.model.slots.map((s) => M.mat(s.shape.rows, s.shape.cols, new Float64Array(s.shape.rows * s.shape.cols).fill(s.name === 'o' ? 1 : 1e-310)));
    const { run } = compileText(text, scope, first).compiled;
    expect(measure(() => run(env)).overflow).toBe(overflow);
  });
});

describe('a logarithm of a subnormal value is known only as well as that value', () => {
  it.each([
    // x, the least kappa expected (relative error amplification), the most
    ['an ordinary value', 0.5, 1, 2],
    ['the least normal double', 2.2250738585072014e-308, 0, 1],
    ['a subnormal value (exp(-744) / 1.25)', 5e-324, 1e12, Infinity],
    ['a subnormal value a thousand times larger', 5e-321, 1e9, 1e11],
  ])('%s', (_, x, least, most) => {
    const { kappa, overflow } = measure(() => meterLog(x));
    expect(overflow).toBe(false);
    expect(kappa).toBeGreaterThanOrEqual(least);
    expect(kappa).toBeLessThanOrEqual(most);
  });
});
