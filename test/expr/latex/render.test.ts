/** Names dressed for LaTeX, kept once dressed: the same words whatever came before, past the bound too. */
import { describe, expect, it } from 'vitest';
import { latexName } from '../../../grader/expr/latex/render.js';
import { createRng, integer } from '../../../grader/sample/rng.js';

describe('latexName', () => {
  it.each([
    ['yhat', '\\hat{y}'],
    ['theta', '\\theta'],
    ['W2', 'W_{2}'],
    ['negs', '\\mathrm{negs}'],
    ['v_c', 'v_{c}'],
    ['u_o_1', 'u_{o_{1}}'],
    ['xbar', '\\bar{x}'],
    ['12', '12'],
  ])('%s → %s, the first time and from memory', (name, latex) => {
    expect(latexName(name)).toBe(latex);
    expect(latexName(name)).toBe(latex);
  });

  it('gives the same words for 10,000 seeded names asked twice, in another order (the memory is cleared on the way)', () => {
    const rng = createRng(7);
    const parts = ['y', 'hat', 'W', '2', '_', 'theta', 'o', 'bar', 'negs', 'x', 'tilde', '1', 'sigma'];
    const names = Array.from({ length: 10000 }, () => Array.from({ length: integer(rng, 1, 5) }, () => parts[integer(rng, 0, parts.length - 1)]!).join(''));
    const first = names.map(latexName);
    const again = [...names.keys()].reverse().map((i) => [i, latexName(names[i]!)] as const);
    for (const [i, latex] of again) expect(latex, names[i]).toBe(first[i]);
  });
});
