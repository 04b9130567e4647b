/** The student's own definitions: in prose, with :=, functions, notation lists, declared shapes, macros. */
import { describe, expect, it } from 'vitest';
import { read } from './helpers.js';

const defs = (text: string, file = 'd.md') =>
  read(file, text).definitions.map((d) => ({ latex: d.latex, line: d.line, name: d.name, params: d.params, value: d.value, shape: d.shape }));

describe('definitions', () => {
  it.each([
    ['Let $\\theta = U^T v_c$', 'Let $\\theta = U^T v_c$.', { latex: '\\theta = U^T v_c', line: 1, name: '\\theta', value: 'U^T v_c' }],
    [
      'Let $\\theta$ = $U^Tv_c$ (split across two maths)',
      'Let $\\theta$ = $U^Tv_c$ and more',
      { latex: '\\theta = U^Tv_c', line: 1, name: '\\theta', value: 'U^Tv_c' },
    ],
    [':=', 'Take $h := \\mathrm{softmax}(\\theta)$', { latex: 'h := \\mathrm{softmax}(\\theta)', line: 1, name: 'h', value: '\\mathrm{softmax}(\\theta)' }],
    [
      'where $h = ..$',
      'so\n\nwhere $\\hat{y} = \\mathrm{softmax}(\\theta)$',
      { latex: '\\hat{y} = \\mathrm{softmax}(\\theta)', line: 3, name: '\\hat{y}', value: '\\mathrm{softmax}(\\theta)' },
    ],
    [
      'a function with parameters',
      '$$\\rho(x) = \\frac{1}{1+e^{-x}}$$',
      { latex: '\\rho(x) = \\frac{1}{1+e^{-x}}', line: 1, name: '\\rho', params: ['x'], value: '\\frac{1}{1+e^{-x}}' },
    ],
    [
      'a notation list',
      'Notation:\n- $\\tilde{y}$ : The predicted distribution, row vector.',
      { latex: '- $\\tilde{y}$ : The predicted distribution, row vector.', line: 2, name: '\\tilde{y}' },
    ],
    [
      'a declared shape',
      'with $\\bm{U} \\in \\mathbb{R}^{|V| \\times d}$',
      { latex: '\\bm{U} \\in \\mathbb{R}^{|V| \\times d}', line: 1, name: '\\bm{U}', shape: { rows: '|V|', cols: 'd' } },
    ],
    ['let $z$ be $..$', 'Let $z$ be $U^T v_c$ and', { latex: '$z$ be $U^T v_c$', line: 1, name: 'z', value: 'U^T v_c' }],
    ['with $h$ defined as $..$', 'with $h$ defined as $\\sigma(z)$.', { latex: '$h$ defined as $\\sigma(z)$', line: 1, name: 'h', value: '\\sigma(z)' }],
    ['$..$ denotes $..$', 'where $\\theta$ denotes $U^T v_c$', { latex: '$\\theta$ denotes $U^T v_c$', line: 1, name: '\\theta', value: 'U^T v_c' }],
    [
      '$..$ is given by $..$',
      'Here $\\hat y$ is given by $\\mathrm{softmax}(\\theta)$',
      { latex: '$\\hat y$ is given by $\\mathrm{softmax}(\\theta)$', line: 1, name: '\\hat y', value: '\\mathrm{softmax}(\\theta)' },
    ],
    ['plain: Let θ = Uᵀv_c', 'Let θ = Uᵀv_c.', { latex: 'θ = Uᵀv_c', line: 1, name: '\\theta', value: 'U^Tv_c' }],
  ])('%s', (_n, text, want) => {
    expect(defs(text)).toContainEqual(Object.fromEntries(Object.entries({ params: undefined, value: undefined, shape: undefined, ...want })));
  });

  it('a \\newcommand used in math is a definition with its latex only; one not used is not', () => {
    const d = read('m.tex', '\\newcommand{\\by}{\\mathbf{y}}\n\\newcommand{\\hmwk}{Homework}\n$\\by$\n').definitions;
    expect(d).toEqual([{ latex: '\\newcommand{\\by}{\\mathbf{y}}', line: 1 }]);
  });

  it('definitions come in document order, and an answer is not one', () => {
    const d = read(
      'o.md',
      '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n\nwith $z = U^T v_c$ and\n\n$\\hat y = \\mathrm{softmax}(z)$\n',
    ).definitions;
    expect(d.map((x) => x.name)).toEqual(['z', '\\hat y']);
  });
});

describe("the template's copied question", () => {
  it('equations outside the answer boxes are the prompt, not the student definitions', () => {
    const text =
      '\\begin{enumerate}\\item The sigmoid is \\begin{equation} \\sigma(x) = \\frac{1}{1+e^{-x}} \\end{equation}\n\\begin{answer}\nLet $\\theta = U^T v_c$.\n\\[ \\sigma(x)(1-\\sigma(x)) \\]\n\\end{answer}\\end{enumerate}\n';
    expect(read('t.tex', text).definitions.map((d) => d.name)).toEqual(['\\theta']);
  });

  it('without answer boxes every definition is the student', () => {
    const text = 'The sigmoid is \\begin{equation} \\sigma(x) = \\frac{1}{1+e^{-x}} \\end{equation}\nLet $\\theta = U^T v_c$.\n';
    expect(read('t.tex', text).definitions.map((d) => d.name)).toEqual(['\\sigma', '\\theta']);
  });
});
