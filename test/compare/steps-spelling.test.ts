import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { checkSides, type StepContext } from '../../grader/compare/steps.js';
import { courseSpellings } from '../../grader/compare/steps-spelling.js';
import { BANK } from '../helpers.js';

const Q = (id: string) => BANK.sets.flatMap((s) => s.questions).find((q) => q.id === id)!;
const points = new PointCache(1);
const none: StepContext = { definitions: new Map(), functions: [] };
const second = (id: string, start: string, side: string) =>
  checkSides(
    Q(id),
    [start, side].map((latex, i) => ({ latex, expanded: latex, line: i + 1, chain: 0 })),
    points.get(Q(id)),
    none,
  )[1]!.check;

const UW = ['cs224n-a2/naive-softmax-grad-uw', '\\frac{\\partial J}{\\partial u_w}'] as const;
const VC = ['cs224n-a2/naive-softmax-grad-vc', '\\frac{\\partial J}{\\partial v_c}'] as const;
const LOSS = ['cs224n-a2/naive-softmax-loss', '-\\log \\hat y_o'] as const;
const SIG = ['cs224n-a2/sigmoid-derivative', '\\frac{d\\sigma(x)}{dx}'] as const;

describe('how students write the same quantity', () => {
  it.each([
    [UW, '(\\hat y_w - \\mathbb{1}[w=o]) v_c', 'equal'],
    [UW, '(\\hat y_w - \\mathbb{1}_{w=o}) v_c', 'equal'],
    [UW, '(\\hat y_w - \\mathbf{1}\\{w = o\\}) v_c', 'equal'],
    [UW, '(\\hat y_w - \\mathbb{I}(w=o)) v_c', 'equal'],
    [UW, '(\\hat y_w - 1_{w=o}) v_c', 'equal'],
    [UW, '(\\hat y_w - [w=o]) v_c', 'equal'],
    [UW, '(\\hat y_w - \\delta_{wo}) v_c', 'equal'],
    [UW, '(\\hat y_w + \\mathbb{1}[w=o]) v_c', 'differs'],
    [UW, '(\\hat y_w - \\mathbb{1}[w \\neq o]) v_c', 'differs'],
    [UW, '\\begin{cases} (\\hat y_o - 1) v_c & \\text{if } w = o \\\\ \\hat y_w v_c & \\text{otherwise} \\end{cases}', 'equal'],
    [UW, '\\left\\{\\begin{array}{ll} (\\hat y_o - 1) v_c & w = o \\\\ \\hat y_w v_c & w \\neq o \\end{array}\\right.', 'equal'],
    [UW, 'P(O=w|C=c) v_c - y_w v_c', 'equal'],
    [UW, 'p(w|c) v_c - y_w v_c', 'equal'],
    [LOSS, '-\\sum_{w} \\mathbb{1}[w=o] \\log \\hat y_w', 'equal'],
    [LOSS, '-\\log P(O=o|C=c)', 'equal'],
    [LOSS, '-\\sum_{i=1}^{V} y_i \\log \\hat y_i', 'equal'],
    [LOSS, '-u_o^\\top v_c + \\log \\sum_{w=1}^{V} e^{u_w^\\top v_c}', 'equal'],
    [VC, '-u_o + \\sum_{w \\in V} P(O=w|C=c) u_w', 'equal'],
    [VC, "-u_o + \\sum_{w \\in Vocab} \\frac{e^{u_w^T v_c}}{\\sum_{w' \\in Vocab} e^{u_{w'}^T v_c}} u_w", 'equal'],
    [VC, 'U^{}(\\hat y-y)', 'equal'],
    [VC, '-u_o + \\mathbb{E}_{w \\sim \\hat y}[u_w]', 'unchecked'],
    // A bracketed operand's power goes with it.
    [SIG, '\\frac{d}{dx}(1+e^{-x})^{-1}', 'equal'],
    [SIG, '\\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}', 'equal'],
    [SIG, '\\frac{d}{dx}(1+e^{-x})^{-2}', 'differs'],
  ])('%j: %s is %s', ([id, start], side, expected) => expect(second(id, start, side)).toBe(expected));

  it.each([
    ['x_1 [a=b]', 'x_1 \\left(\\begin{cases} 1 & a = b \\\\ 0 & a \\neq b \\end{cases}\\right)'],
    ['\\delta_{ww}', '1'],
    ['v_{w, w\\neq c}', 'v_{w}'],
    ['\\delta_{12} + \\delta_{1j}', '\\delta_{12} + \\delta_{1j}'],
    ['f[x]', 'f[x]'],
    ["\\sum_{w'} u_{w'} + x", '\\sum_{z} u_{z} + x'],
    ["\\sigma'(x)", "\\sigma'(x)"],
  ])('%s reads %s', (latex, out) => expect(courseSpellings(latex)).toBe(out));
});
