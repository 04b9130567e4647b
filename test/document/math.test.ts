/** Math forms and chains → steps, verbatim as the contract says; what is set aside from finals. */
import { describe, expect, it } from 'vitest';
import { read } from './helpers.js';

const VC = 'cs224n-a2/naive-softmax-grad-vc';
const steps = (text: string, file = 'x.md') =>
  read(file, `### (b)\n${text}\n`)
    .answers.get(VC)
    ?.parts.flatMap((p) => p.steps.map((s) => s.latex));
const final = (text: string, file = 'x.md') => read(file, `### (b)\n${text}\n`).answers.get(VC)?.final;

describe('math forms', () => {
  it.each([
    [
      '$$ with a blank line inside',
      '$$\n\\frac{\\partial J}{\\partial v_c} = -u_o + \\sum_w \\hat y_w u_w\n\n= U(\\hat y - y)\n$$',
      ['\\frac{\\partial J}{\\partial v_c}', '-u_o + \\sum_w \\hat y_w u_w', 'U(\\hat y - y)'],
    ],
    [
      '\\[ aligned \\] with & and \\\\',
      '\\[\\begin{aligned}\n\\frac{\\partial J}{\\partial v_c} &= A \\\\\n&= B\n\\end{aligned}\\]',
      ['\\frac{\\partial J}{\\partial v_c}', 'A', 'B'],
    ],
    [
      'inline $\\begin{align}$ (MathJax)',
      '$\\begin{align} \\frac{\\partial J}{\\partial v_c} &= A \\\\ &= B \\end{align}$.',
      ['\\frac{\\partial J}{\\partial v_c}', 'A', 'B'],
    ],
    [
      'align* environment',
      '\\begin{align*}\n\\frac{\\partial J}{\\partial v_c} &= A \\tag{1}\\label{eq} \\\\\n&= B \\nonumber\n\\end{align*}',
      ['\\frac{\\partial J}{\\partial v_c}', 'A', 'B'],
    ],
    [
      'gather and equation',
      '\\begin{equation}\\begin{gathered} \\frac{\\partial J}{\\partial v_c} = A \\end{gathered}\\end{equation}',
      ['\\frac{\\partial J}{\\partial v_c}', 'A'],
    ],
    ['one $= ...$ line per step', '$\\frac{\\partial J}{\\partial v_c}$\n\n$= A$\n\n$= B$', ['\\frac{\\partial J}{\\partial v_c}', 'A', 'B']],
    [
      '= inside cases, pmatrix, \\left\\{ \\right. and \\substack kept',
      '$$\\frac{\\partial J}{\\partial v_c} = \\begin{cases} a & w = o \\\\ b & w \\neq o \\end{cases} = \\left\\{ x = 1 \\right. + \\sum_{\\substack{j = 1 \\\\ j \\ne 0}} \\begin{pmatrix} a & b \\end{pmatrix}$$',
      [
        '\\frac{\\partial J}{\\partial v_c}',
        '\\begin{cases} a & w = o \\\\ b & w \\neq o \\end{cases}',
        '\\left\\{ x = 1 \\right. + \\sum_{\\substack{j = 1 \\\\ j \\ne 0}} \\begin{pmatrix} a & b \\end{pmatrix}',
      ],
    ],
    [
      '= inside parentheses is not a step: P(O=o|C=c)',
      '$$\\frac{\\partial J}{\\partial v_c} = -\\log P(O=o|C=c) = B$$',
      ['\\frac{\\partial J}{\\partial v_c}', '-\\log P(O=o|C=c)', 'B'],
    ],
    [
      'whitespace runs collapse',
      '$$\n\\frac{\\partial J}{\\partial v_c}\n   =    -u_o\n   + \\hat y\n$$',
      ['\\frac{\\partial J}{\\partial v_c}', '-u_o + \\hat y'],
    ],
    [
      'a side broken over rows',
      '\\begin{align}\\frac{\\partial J}{\\partial v_c} &= A + \\\\ & B \\\\ &= C\\end{align}',
      ['\\frac{\\partial J}{\\partial v_c}', 'A + B', 'C'],
    ],
  ])('%s', (_n, text, want) => {
    expect(steps(text)).toEqual(want);
  });

  it.each([
    ['\\boxed', '$$\\frac{\\partial J}{\\partial v_c} = \\boxed{U(\\hat y - y)}$$', 'U(\\hat y - y)'],
    ['\\underbrace{..}_{..}', '$$\\frac{\\partial J}{\\partial v_c} = \\underbrace{U(\\hat y - y)}_{d \\times 1}$$', 'U(\\hat y - y)'],
    ['\\displaystyle and \\normalsize', '$$\\displaystyle \\frac{\\partial J}{\\partial v_c} = \\normalsize U(\\hat y - y)$$', 'U(\\hat y - y)'],
    ['trailing \\quad \\text{for ..}', '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y) \\quad \\text{for } w \\neq o$$', 'U(\\hat y - y)'],
    ['trailing (\\text{a row vector})', '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y) \\qquad (\\text{a column})$$', 'U(\\hat y - y)'],
    ['trailing punctuation', '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y).$$', 'U(\\hat y - y)'],
    ['trailing condition after a comma', '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y), k \\in [1, K]$$', 'U(\\hat y - y)'],
    ['\\text inside math is kept', '$$\\frac{\\partial J}{\\partial v_c} = U(\\text{softmax}(\\theta) - y)$$', 'U(\\text{softmax}(\\theta) - y)'],
    ['\\approx opens a new chain, the last side is the final', '$$\\frac{\\partial J}{\\partial v_c} = A \\approx B$$', 'B'],
  ])('final: %s', (_n, text, want) => {
    expect(final(text)).toBe(want);
  });

  it('steps carry their lines and chains', () => {
    const doc = read('x.md', '### (b)\n$$\n\\frac{\\partial J}{\\partial v_c} = A\n$$\n\n$$\n\\frac{\\partial J}{\\partial v_c}\n= B\n$$\n');
    const s = doc.answers.get(VC)!.parts[0]!.steps;
    expect(s.map((x) => [x.latex, x.line, x.chain])).toEqual([
      ['\\frac{\\partial J}{\\partial v_c}', 3, 0],
      ['A', 3, 0],
      ['\\frac{\\partial J}{\\partial v_c}', 7, 1],
      ['B', 8, 1],
    ]);
    expect(doc.answers.get(VC)!.parts[0]!.line).toBe(8);
  });
});
