/** `grader template`: a LaTeX template gives LaTeX advice; the YAML one keeps the bank's mathjs hints. */
import { describe, expect, it } from 'vitest';
import { latexHints } from '../../grader/cli/template.js';
import { cli } from '../helpers.js';

describe('latexHints', () => {
  it.each([
    ['Write sums as `sum(k, 1, K, ...)`.', 'Write sums as $\\sum_{k=1}^{K} \\dots$.'],
    ['e.g. `w == o ? a : b`.', 'e.g. $\\begin{cases} a & w = o \\\\ b & \\text{otherwise} \\end{cases}$.'],
    ['`y_(o_j)` is one-hot', '$y_{o_{j}}$ is one-hot'],
    ['Use `.*` for the elementwise product.', 'Use $\\odot$ for the elementwise product.'],
    ['no code here, $x$ kept', 'no code here, $x$ kept'],
    ['`not ( a formula` stays', '`not ( a formula` stays'],
  ])('%s', (prompt, latex) => expect(latexHints(prompt)).toBe(latex));
});

describe('grader template', () => {
  it.each([
    ['md', false],
    ['tex', false],
    ['yaml', true],
  ])('--format %s: mathjs hints %s', (format, mathjs) => {
    const { code, out } = cli('template', 'cs224n-a2', '--format', format);
    expect(code).toBe(0);
    expect(out.includes('sum(k, 1, K, ...)')).toBe(mathjs);
    expect(out.includes('w == o ? a : b')).toBe(mathjs);
    if (!mathjs) expect(out).toContain('\\sum_{k=1}^{K} \\dots');
  });
});
