import { describe, expect, it } from 'vitest';
import { compileText, parseMathjs } from '../../grader/expr/index.js';
import { stabilize } from '../../grader/expr/compile/stable.js';
import { scalar } from '../../grader/linalg/mat.js';
import { question } from '../helpers.js';

describe('stable forms', () => {
  it.each([
    ['1 - sigma(x)', 'sigma(-(x))'],
    ['exp(z) / (1 + exp(z))', 'sigma(z)'],
    ['1 / (1 + exp(-x))', 'sigma(x)'],
    ['1 / (exp(x) + 1)', 'sigma(-(x))'],
    ['exp(a) / (1 + exp(b))', 'exp(a) / (1 + exp(b))'],
  ])('%s → %s', (text, stable) => expect(stabilize(parseMathjs(text)).toString()).toBe(stable));

  it.each([
    ['sigma(x) * (1 - sigma(x))', 60, Math.exp(-60)],
    ['exp(x) / (1 + exp(x))', 800, 1],
  ])('%s at x = %d is %d to float precision', (text, x, value) => {
    const q = question('symbols:\n  x: { sample: normal }', `reference: "x"\nexamples: [{ answer: "1", verdict: incorrect }]`);
    const c = compileText(text, q.model.scope, q.model.firstFreeSlot).compiled;
    expect(c.run([scalar(x)]).data[0]! / value).toBeCloseTo(1, 12);
  });
});
