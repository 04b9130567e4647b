/**
 * The function table's rows, read in both notations and shown back in LaTeX, and the one-off
 * notations students use (issues 10 and 14): each row is an answer and the tree it must give.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../grader/core/index.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { toLatex, toText } from '../../grader/expr/index.js';
import { FUNCTIONS } from '../../grader/expr/compile/functions.js';
import { question, W2V } from '../helpers.js';

const SPEC = W2V.replace(
  '  yhat: { value',
  `  X: { shape: [d, d], sample: normal }
  W: { shape: [d, d], sample: normal }
  w0: { shape: d, sample: normal }
  yv: { shape: d, sample: normal }
  h: { shape: d, sample: normal }
  x: { sample: normal }
  yhat: { value`,
);
const q = question(SPEC, 'reference: "v_c"');
const read = (text: string): string => toText(readAndCompile(q, text).node);
const value = (text: string): number => readAndCompile(q, text).compiled.run([]).data[0]!;
const failure = (text: string): { code: string; args: Record<string, unknown> } => {
  try {
    readAndCompile(q, text);
  } catch (e) {
    if (e instanceof InputError) return { code: e.finding.code, args: e.finding.args };
    throw e;
  }
  throw new Error(`no error for ${text}`);
};

describe('functions of the table, in both notations', () => {
  it.each([
    ['\\cosh(x)', 'cosh(x)'],
    ['cosh(x)', 'cosh(x)'],
    ['\\sinh x', 'sinh(x)'],
    ['\\operatorname{sech}(x)', 'sech(x)'],
    ['\\sech(x)', 'sech(x)'],
    ['\\arctan(x)', 'arctan(x)'],
    ['atan(x)', 'atan(x)'],
    ['\\lVert h \\rVert', 'norm(h)'],
    ['\\left\\lVert h \\right\\rVert', 'norm(h)'],
    ['\\| h \\|', 'norm(h)'],
    ['norm(h)', 'norm(h)'],
    ['\\lvert x \\rvert', 'abs(x)'],
    ['\\left\\lvert x \\right\\rvert + \\lvert x \\rvert', 'abs(x) + abs(x)'],
  ])('%s → %s', (text, tree) => expect(read(text)).toBe(tree));

  it.each([
    ['cosh(0)', 1],
    ['sinh(0)', 0],
    ['sech(0)', 1],
    ['atan(1)', Math.PI / 4],
    ['norm(onehot(2, 3) * 3 + onehot(1, 3) * 4)', 5],
    ['\\lVert 2 \\rVert', 2],
  ])('%s = %d', (text, v) => expect(value(text)).toBeCloseTo(v, 12));

  it.each([
    ['cosh(x)', '\\cosh\\left(x\\right)'],
    ['sech(x)', '\\operatorname{sech}\\left(x\\right)'],
    ['norm(h)', '\\left\\lVert h\\right\\rVert'],
    ['sum(h)', '\\operatorname{sum}\\left(h\\right)'],
    ['abs(x)', '\\left|x\\right|'],
    ['ln(x)', '\\ln\\left(x\\right)'],
  ])('%s is shown as %s, and read back the same', (text, latex) => {
    const shown = toLatex(readAndCompile(q, text).node);
    expect(shown).toBe(latex);
    expect(read(`$${shown}$`)).toBe(read(text));
  });
});

describe('every LaTeX command of the function table', () => {
  const rows = FUNCTIONS.flatMap((f) => (f.latex ?? []).map((command) => [command, f.names[0]!, f] as const));
  it.each(rows)('\\%s reads as %s, evaluates, and is shown so that it reads back', (command, name, f) => {
    expect(read(`\\${command}(x)`)).toBe(`${name}(x)`);
    expect(read(`\\${command} x`)).toBe(`${name}(x)`);
    if (f.scalar) expect(value(`$\\${command}(0.5)$`)).toBeCloseTo(f.scalar(0.5), 12);
    const shown = toLatex(readAndCompile(q, `${name}(x)`).node);
    expect(read(`$${shown}$`)).toBe(`${name}(x)`);
  });
});

describe('one-off notations', () => {
  it.each([
    // A power written on the function's name.
    ['1 - \\tanh^2(x)', '1 - tanh(x) ^ 2'],
    ['1 - tanh^2(x)', '1 - tanh(x) ^ 2'],
    ['\\sigma^{2}(x)', 'sigma(x) ^ 2'],
    // Superscript before subscript.
    ['u^T_o v_c', "u_o' * v_c"],
    ['$u^T_o v_c$', "u_o' * v_c"],
    ['$u^{\\top}_{o} v_c$', "u_o' * v_c"],
    // `^T (` in mathjs syntax is a transposed product, not a call of T.
    ['X^T (X w0 - yv)', "X' * (X * w0 - yv)"],
    ['U^T (v_c - h)', "U' * (v_c - h)"],
  ])('%s → %s', (text, tree) => expect(read(text)).toBe(tree));

  it('sum with one argument is shown in LaTeX, not a crash', () =>
    expect(toLatex(readAndCompile(q, 'sum(h) + 1').node)).toBe('\\operatorname{sum}\\left(h\\right) + 1'));

  it('suggests `W x` for `Wx` when both are symbols', () => {
    const f = failure('(Wx - yv) x');
    expect(f.code).toBe('UNKNOWN_SYMBOL');
    expect((f.args.suggestions as string[])[0]).toBe('W x');
  });

  it.each([
    ['\\sin^{-1}(x)', 'FUNCTION_NEEDS_ARGUMENT'],
    ['tanh^T(x)', 'FUNCTION_AS_VALUE'],
  ])('%s is still refused (%s): only whole positive powers go on a name', (text, code) => expect(failure(text).code).toBe(code));
});
