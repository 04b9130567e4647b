import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { checkSides, type Side, type StepContext } from '../../grader/compare/steps.js';
import { telescope, variableKey, windowSum } from '../../grader/compare/steps-chain.js';
import { dotsReadings } from '../../grader/compare/steps-dots.js';
import { expandDerived, splitTop } from '../../grader/compare/steps-defs.js';
import { contextFor } from '../../grader/compare/document.js';
import { findDerivatives } from '../../grader/compare/steps-latex.js';
import { BANK } from '../helpers.js';

const Q = (id: string) => BANK.sets.flatMap((s) => s.questions).find((q) => q.id === id)!;
const points = new PointCache(1);
const none: StepContext = { definitions: new Map(), functions: [] };
const chain = (...sides: string[]): Side[] => sides.map((latex, i) => ({ latex, expanded: latex, line: i + 1, chain: 0 }));
const run = (id: string, sides: string[]) => checkSides(Q(id), chain(...sides), points.get(Q(id)), none);
const checks = (id: string, sides: string[]) => run(id, sides).map((c) => c.check);

const VC = 'cs224n-a2/naive-softmax-grad-vc';
const UW = 'cs224n-a2/naive-softmax-grad-uw';
const U = 'cs224n-a2/naive-softmax-grad-U';
const SG = 'cs224n-a2/skipgram-grad-U';
const LOSS = 'cs224n-a2/naive-softmax-loss';
const dJ = (x: string) => `\\frac{\\partial J}{\\partial ${x}}`;

describe('chain-rule steps', () => {
  it.each([
    [
      'a chain-rule product telescopes',
      VC,
      [dJ('v_c'), `${dJ('\\theta')} ${'\\frac{\\partial \\theta}{\\partial v_c}'}`, 'U(\\hat y - y)'],
      ['start', 'equal', 'equal'],
    ],
    ['in the denominator order too', VC, [dJ('v_c'), `\\frac{\\partial \\theta}{\\partial \\mathbf{v}_c} \\cdot ${dJ('\\theta')}`], ['start', 'equal']],
    [
      'three factors',
      VC,
      [dJ('v_c'), `\\frac{\\partial J}{\\partial \\hat y}\\frac{\\partial \\hat y}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial v_c}`],
      ['start', 'equal'],
    ],
    ['a row times the Jacobian (numerator layout)', VC, [dJ('v_c'), '(\\hat y - y)^T \\frac{\\partial (U^T v_c)}{\\partial v_c}'], ['start', 'equal']],
    ['the Jacobian times a column (denominator layout)', VC, [dJ('v_c'), '\\frac{\\partial (U^T v_c)}{\\partial v_c} (\\hat y - y)'], ['start', 'equal']],
    ['a column times the Jacobian: no layout defines it', VC, [dJ('v_c'), '(\\hat y - y) \\frac{\\partial U^Tv_c}{\\partial v_c}'], ['start', 'differs']],
    ['a Jacobian product that fits but is wrong', VC, [dJ('v_c'), '(y - \\hat y)^T \\frac{\\partial (U^T v_c)}{\\partial v_c}'], ['start', 'differs']],
    [
      'a vector times a derivative by a matrix',
      U,
      [dJ('U'), '(\\hat{y} - y) \\frac{\\partial U^Tv_c}{\\partial U}', 'v_c(\\hat{y} - y)^T'],
      ['start', 'equal', 'equal'],
    ],
    ['with the wrong vector', U, [dJ('U'), '(\\hat{y} + y)^T \\frac{\\partial U^Tv_c}{\\partial U}'], ['start', 'differs']],
    ['a derivative by another variable (mislabelled LHS)', UW, [dJ('u_w'), `${dJ('\\theta')}\\frac{\\partial\\theta}{\\partial U}`], ['start', 'differs']],
    ['the contraction by U under dJ/du_w', UW, [dJ('u_w'), '(\\hat{y}-y)^T \\frac{\\partial{(U^Tv_c)}}{\\partial{U}}'], ['start', 'differs']],
    ['another shape without a derivative stays unchecked', UW, [dJ('u_w'), 'v_c (\\hat y - y)^T'], ['start', 'unchecked']],
    ['a lone derivative of an unknown name stays unchecked', VC, [dJ('v_c'), dJ('\\theta')], ['start', 'unchecked']],
    [
      'a window sum of the per-pair loss',
      SG,
      ['\\frac{\\partial J_{skip-gram}}{\\partial U}', '\\sum_{-m\\leq j\\leq m, j \\neq 0}\\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial U}'],
      ['start', 'equal'],
    ],
    [
      'substack window, slash derivative',
      SG,
      [
        '\\frac{\\partial J_{skip-gram}}{\\partial U}',
        '\\sum_{\\substack{-m \\le j \\le m \\\\ j \\ne 0}} \\partial \\mathbf{J}(\\mathbf{v}_c, w_{t+j}, \\mathbf{U}) / \\partial \\mathbf{U}',
      ],
      ['start', 'equal'],
    ],
    [
      'a sum of derivatives is the derivative of the sum',
      'cs224n-a2/neg-sampling-grad-vc',
      [dJ('v_c'), '-\\frac{\\partial \\log\\sigma(u_o^Tv_c)}{\\partial v_c} - \\sum_{k=1}^{K} \\frac{\\partial \\log \\sigma(-u_k^T v_c)}{\\partial v_c}'],
      ['start', 'equal'],
    ],
    [
      'bracketed, and with a sign slip',
      'cs224n-a2/neg-sampling-grad-vc',
      [
        dJ('v_c'),
        '-\\frac{\\partial \\log\\sigma(u_o^Tv_c)}{\\partial v_c} + \\sum_{k} \\frac{\\partial}{\\partial v_c}\\left[\\log \\sigma(-u_k^T v_c)\\right]',
      ],
      ['start', 'differs'],
    ],
    [
      'a chain-rule product summed over its inner index',
      VC,
      [dJ('v_c'), '\\sum_{w} \\frac{\\partial J}{\\partial \\theta_w}\\frac{\\partial \\theta_w}{\\partial v_c}'],
      ['start', 'equal'],
    ],
    [
      'a chain-rule product summed over another index is not guessed',
      VC,
      [dJ('v_c'), '\\sum_{w} \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial v_c}'],
      ['start', 'unchecked'],
    ],
    [
      'a window sum where the loss is not one',
      VC,
      [dJ('v_c'), '\\sum_{-m\\leq j\\leq m, j \\neq 0}\\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial v_c}'],
      ['start', 'unchecked'],
    ],
  ])('%s', (_, id, sides, expected) => expect(checks(id, sides)).toEqual(expected));

  it.each([
    ['an undefined product', VC, ['(\\hat y - y) \\frac{\\partial U^Tv_c}{\\partial v_c}'], 'STEP_NO_LAYOUT'],
    ['another variable', UW, [`${dJ('\\theta')}\\frac{\\partial\\theta}{\\partial U}`], 'STEP_WRT_CHANGED'],
  ])('names the jump: %s', (_, id, after, code) => {
    const r = run(id, [dJ(id === VC ? 'v_c' : 'u_w'), ...after]);
    expect(r[1]!.diagnosis!.map((f) => f.code)).toContain(code);
  });
});

describe('sums written with dots', () => {
  it.each([
    [
      'the vocabulary written out',
      ['-\\sum_w y_w \\log \\hat y_w', '- [y_1\\log(\\hat{y}_1) + \\cdots + y_o\\log(\\hat{y}_o) + \\cdots + y_w\\log(\\hat{y}_w)]'],
      ['start', 'equal'],
    ],
    [
      'braced subscripts and \\left(',
      [
        '-\\sum_w y_w \\log \\hat y_w',
        '-\\left(y_{1} \\log \\left(\\hat{y}_{1}\\right)+\\ldots+y_{o} \\log \\left(\\hat{y}_{o}\\right)+\\ldots+y_{|V|} \\log \\left(\\hat{y}_{|V|}\\right)\\right)',
      ],
      ['start', 'equal'],
    ],
    ['a wrong pattern is not called wrong', ['-\\sum_w y_w \\log \\hat y_w', '- [y_1\\hat{y}_1 + \\cdots + y_V\\hat{y}_V]'], ['start', 'unchecked']],
    [
      'values put in for y are not one pattern',
      ['-\\sum_w y_w \\log \\hat y_w', '- 0 \\cdot \\log \\hat y_1 - \\dots - 1 \\cdot \\log \\hat y_o - \\dots'],
      ['start', 'unchecked'],
    ],
  ])('%s', (_, sides, expected) => expect(checks(LOSS, sides)).toEqual(expected));

  it.each([
    ['\\exp(u_1^T v_c) + \\dots + \\exp(u_V^T v_c)', ['\\left(\\sum_{w} \\exp(u_{w}^T v_c)\\right)']],
    ['-a_1 - \\cdots - a_n', ['\\left(-\\sum_{w} a_{w}\\right)']],
    ['a_1 + \\cdots', []],
    ['a_1 + b_2 + \\cdots', []],
    ['a_1 + a_2', []],
    ['(a_1 + \\cdots + a_n', []],
  ])('%s', (latex, expected) => expect(dotsReadings(latex, ['w'])).toEqual(expected));
});

describe('rewriting chain-rule products', () => {
  const merged = (latex: string) => {
    const f = findDerivatives(latex);
    return telescope(f.latex, f.forms).forms.map((x) => [x.of, x.wrt]);
  };
  it.each([
    [`${dJ('\\theta')}\\frac{\\partial \\theta}{\\partial v_c}`, [['J', 'v_c']]],
    [`\\frac{\\partial \\bm\\theta}{\\partial \\bm{v_c}} ${dJ('\\theta')}`, [['J', '\\bm{v_c}']]],
    [
      `${dJ('a')}\\frac{\\partial b}{\\partial c}`,
      [
        ['J', 'a'],
        ['b', 'c'],
      ],
    ],
    [
      `${dJ('a')} + \\frac{\\partial a}{\\partial c}`,
      [
        ['J', 'a'],
        ['a', 'c'],
      ],
    ],
    [`\\left(\\frac{\\partial \\theta}{\\partial v_c}\\right)^T ${dJ('\\theta')}`, [['J', 'v_c']]],
    [`(\\frac{\\partial \\theta}{\\partial v_c})^{\\top} \\cdot ${dJ('\\theta')}`, [['J', 'v_c']]],
    [
      `${dJ('a')}^T \\frac{\\partial b}{\\partial c} ${dJ('b')}`,
      [
        ['J', 'a'],
        ['J', 'c'],
      ],
    ],
  ])('%s', (latex, forms) => expect(merged(latex)).toEqual(forms));

  it.each([
    ['\\mathbf{v}_c', 'v_c'],
    ['\\bm{v_c}', 'v_c'],
    ['{(U^\\top v_c)}', 'U^Tv_c'],
    ['\\left(U^T v_c\\right)', 'U^Tv_c'],
  ])('variable %s is %s', (latex, key) => expect(variableKey(latex)).toBe(key));

  it('a window sum needs the per-pair loss of the window index', () => {
    const read = (l: string) => {
      const f = findDerivatives(l);
      return windowSum(f.latex, f.forms)?.forms.map((x) => x.of);
    };
    expect(read('\\sum_{-m \\le j \\le m, j \\ne 0} \\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial U}')).toEqual(['J']);
    expect(read('\\sum_{-m \\le j \\le m, j \\ne 0} \\frac{\\partial J(v_c, o, U)}{\\partial U}')).toBeUndefined();
    expect(read('\\sum_{j=1}^{K} \\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial U}')).toBeUndefined();
  });
});

describe('derivatives by quantities made of others', () => {
  const theta = { definitions: new Map([['\\theta', '$U^T v_c$']]), functions: [] };
  const withCtx = (id: string, sides: string[], ctx: StepContext) => checkSides(Q(id), chain(...sides), points.get(Q(id)), ctx).map((c) => c.check);
  it.each([
    ["the student's theta", [dJ('\\theta'), '\\hat y - y'], ['start', 'equal']],
    ['a sign slip after it', [dJ('\\theta'), 'y - \\hat y'], ['start', 'differs']],
    ['theta written out', [dJ('(U^T v_c)'), '\\hat y - y'], ['start', 'equal']],
    // yhat is the model's own derived symbol: perturbed as a variable, the rest refilled.
    ['the model symbol yhat', [dJ('\\hat y_o'), '-\\frac{1}{\\hat y_o}'], ['start', 'equal']],
  ])('%s', (_, sides, expected) => expect(withCtx(VC, sides, theta)).toEqual(expected));

  it('a quantity the loss reads otherwise too is not checked', () => {
    // J depends on U other than through U v_c's first entry: no chain rule through it.
    const ctx = { definitions: new Map([['z', '$u_1^T v_c$']]), functions: [] };
    expect(withCtx(VC, [dJ('z'), '\\hat y_1 - y_1'], ctx)).toEqual(['unchecked', 'unchecked']);
  });

  it('names defined as derivatives are written out in steps (backprop deltas)', () => {
    const q = Q('cs224d-a1/nn-grad-x');
    const defs = [
      { latex: 'z_2 = h W_2 + b_2', line: 1, name: 'z_2', value: 'h W_2 + b_2' },
      { latex: '\\delta_1 = \\frac{\\partial CE}{\\partial z_2} = \\hat{y} - y', line: 2, name: '\\delta_1', value: '\\hat{y} - y' },
    ];
    const ctx = contextFor(q, defs);
    expect(ctx.derived).toEqual([{ name: '\\delta_1', value: '\\frac{\\partial CE}{\\partial z_2}' }]);
    // A final does not value derivatives: there the name is the chain's last side.
    expect([...ctx.definitions]).toEqual([
      ['z_2', '$h W_2 + b_2$'],
      ['delta_1', '$\\hat{y} - y$'],
    ]);
    const sides = ['\\frac{\\partial CE}{\\partial h}', '\\delta_1 \\frac{\\partial z_2}{\\partial h}', '\\delta_{1} W^T_2', '\\delta_1 W_2'];
    expect(checkSides(q, chain(...sides), points.get(q), ctx).map((c) => c.check)).toEqual(['start', 'equal', 'equal', 'unchecked']);
  });
});

describe("the student's letter for the free index", () => {
  it.each([
    [
      'a letter the course does not use',
      'cs224n-a2/neg-sampling-grad-uk',
      ['\\frac{\\partial J}{\\partial u_{w_s}}', '(1-\\sigma(-u_{w_s}^T v_c)) v_c'],
      ['start', 'equal'],
    ],
    [
      'and a wrong step in it',
      'cs224n-a2/neg-sampling-grad-uk',
      ['\\frac{\\partial J}{\\partial u_{w_s}}', '(1-\\sigma(u_{w_s}^T v_c)) v_c'],
      ['start', 'differs'],
    ],
    [
      'an index of the same range',
      'cs224d-a1/softmax-invariance',
      ['\\frac{e^{x_i+c}}{\\sum_j{e^{x_j+c}}}', '\\frac{e^{x_i}}{\\sum_j{e^{x_j}}}'],
      ['start', 'equal'],
    ],
    ['not an index of another range', UW, [dJ('u_w'), '(\\hat y_k - y_k) v_c'], ['start', 'unchecked']],
    ['not without a free index', VC, [dJ('v_c'), '\\hat y_s u_s - u_o'], ['start', 'unchecked']],
  ])('%s', (_, id, sides, expected) => expect(checks(id, sides)).toEqual(expected));
});

describe('numeric precision', () => {
  const S = 'cs224n-a2/sigmoid-derivative';
  it.each([
    ['a near miss against a numeric derivative is not judged', ['\\frac{d}{dx} \\sigma(x)', '1.0001 \\sigma(x)(1-\\sigma(x))'], ['start', 'unchecked']],
    ['a real difference is', ['\\frac{d}{dx} \\sigma(x)', '1.01 \\sigma(x)(1-\\sigma(x))'], ['start', 'differs']],
    ['between two closed forms the tolerance stays', ['\\sigma(x)(1-\\sigma(x))', '1.0001 \\sigma(x)(1-\\sigma(x))'], ['start', 'differs']],
  ])('%s', (_, sides, expected) => expect(checks(S, sides)).toEqual(expected));
});

describe('definition chains', () => {
  it.each([
    ['the first side defines the name', '\\theta = U^T v_c = \\hat y', 'U^T v_c'],
    ['unless the reader cannot parse it', '\\theta = \\begin{bmatrix} u_1^T v_c \\\\ \\vdots \\end{bmatrix} = U^T v_c', 'U^T v_c'],
    ['a name of the student is no parse error', '\\theta = A v_c = U^T v_c', 'A v_c'],
  ])('%s', (_, latex, value) => {
    const defs = [{ latex, line: 1, name: '\\theta', value: latex.split(' = ').pop()! }];
    expect(contextFor(Q(VC), defs).definitions.get('theta')).toBe(`$${value}$`);
  });

  it.each([
    ['a = b = c', ['a', 'b', 'c']],
    ['a := b', ['a', 'b']],
    ['\\sum_{w=1}^{V} x = y', ['\\sum_{w=1}^{V} x', 'y']],
    ['a \\leq b = c', ['a \\leq b', 'c']],
  ])('%s', (latex, sides) => expect(splitTop(latex)).toEqual(sides));
  it.each([
    ['\\delta_1', '2 \\delta_1 + \\delta_{1} - \\delta_{1j} - \\delta_12', '2 \\left(X\\right) + \\left(X\\right) - \\delta_{1j} - \\delta_12'],
    ['\\theta', '\\theta_k + \\theta', '\\theta_k + \\left(X\\right)'],
  ])('%s written out', (name, latex, out) => expect(expandDerived(latex, [{ name, value: 'X' }])).toBe(out));
});

describe('hostile sides', () => {
  it.each([
    ['arrays never closed', '\\left\\{\\begin{array}{l} '.repeat(20_000)],
    ['indicators never closed', '\\mathbb{1}_{w '.repeat(20_000)],
    ['dots and open brackets', 'a_1 + \\cdots + ('.repeat(20_000)],
    ['a long written-out sum', `${'a_1 + \\cdots + '.repeat(20_000)}a_2`],
    ['chain-rule products', `${dJ('\\theta')}\\frac{\\partial \\theta}{\\partial v_c}`.repeat(3000)],
    ['primes', "u_{w'} ".repeat(20_000)],
  ])('%s: unchecked, in bounded time', (_, side) => {
    const t = Date.now();
    expect(checks(VC, [dJ('v_c'), side])).toEqual(['start', 'unchecked']);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('a name defined as a derivative and used thousands of times is not grown without bound', () => {
    expect(expandDerived('\\delta_1 '.repeat(5000), [{ name: '\\delta_1', value: 'x'.repeat(100) }])).toBe('\\delta_1 '.repeat(5000));
  });
});
