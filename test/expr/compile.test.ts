import { describe, expect, it } from 'vitest';
import { InputError } from '../../grader/core/index.js';
import { compileText } from '../../grader/expr/index.js';
import { questionScope } from '../../grader/compare/read.js';
import { question, W2V } from '../helpers.js';

const q = question(W2V, 'reference: "U * (yhat - y)"');
const { scope, first } = questionScope(q);
const shapeOf = (text: string): string => {
  const { shape } = compileText(text, scope, first).compiled;
  return `${shape.rows}x${shape.cols}`;
};
const errorOf = (text: string): string => {
  try {
    compileText(text, scope, first);
  } catch (e) {
    if (e instanceof InputError) return e.finding.code;
    throw e;
  }
  return 'none';
};

describe('shapes follow matrix rules', () => {
  it.each([
    ['U * (yhat - y)', '3x1'],
    ['U (yhat - y)', '3x1'],
    ["v_c * (yhat - y)'", '3x7'],
    ['v_c (yhat - y)^T', '3x7'],
    ["U'", '7x3'],
    ['U^T', '7x3'],
    ['transpose(U)', '7x3'],
    ["u_o' * v_c", '1x1'],
    ["(u_o' * v_c) * v_c", '3x1'],
    ["sigma(u_o' v_c) u_o", '3x1'],
    ['sigma(v_c)', '3x1'],
    ['exp(U)', '3x7'],
    ['v_c .* v_c', '3x1'],
    ['1 - v_c', '3x1'],
    ['v_c / 2', '3x1'],
    ['1 / (1 + exp(-v_c))', '3x1'],
    ['yhat_o', '1x1'],
    ['yhat[o]', '1x1'],
    ['sum(w, u_w)', '3x1'],
    ['sum(k, u_k)', '3x1'],
    ['sum(k, w_k)', '1x1'],
    ['sum(k, u_(w_k))', '3x1'],
    ['u_1', '3x1'],
    ['U[:, o]', '3x1'],
    ['U[1, :]', '1x7'],
    ['U[1, 2]', '1x1'],
    ['sum(k, 1, K, u_k)', '3x1'],
    ['sum(w, yhat_w * u_w)', '3x1'],
    ['sum(i, yhat_i * u_i)', '3x1'], // i is not declared: its range is the family's
    ['sum(i, y_i)', '1x1'],
    ['sum(v_c)', '1x1'],
    ['dot(v_c, u_o)', '1x1'],
    ['softmax(v_c)', '3x1'],
    ['onehot(o, V)', '7x1'],
    ['zeros(d, V)', '3x7'],
    ['o == 1 ? v_c : 0', '3x1'],
    ['0', '1x1'],
    ['2 * pi * e', '1x1'],
    ['V * d', '1x1'],
  ])('%s is %s', (text, shape) => expect(shapeOf(text)).toBe(shape));
});

describe('bad answers are refused with a code, before any evaluation', () => {
  it.each([
    ["U' * (yhat - y)", 'SHAPE_PRODUCT'],
    ['(yhat - y) * U', 'SHAPE_PRODUCT'],
    ["v_c - v_c'", 'SHAPE_ADD'],
    ['v_c + yhat', 'SHAPE_ADD'],
    ['v_c .* yhat', 'SHAPE_ELEMENTWISE'],
    ['v_c ^ 2', 'SHAPE_POWER'],
    ['U ^ 2', 'SHAPE_POWER'],
    ['o == 1 ? v_c : U', 'SHAPE_BRANCHES'],
    ['softmax(U)', 'SHAPE_ARG'],
    ['dot(v_c, yhat)', 'SHAPE_ARG'],
    ['v_c ? 1 : 2', 'NOT_SCALAR'],
    ['Y', 'UNKNOWN_SYMBOL'],
    ['foo(v_c)', 'UNKNOWN_FUNCTION'],
    ['sigma', 'FUNCTION_AS_VALUE'],
    ['w', 'INDEX_UNBOUND'],
    ['exp(1, 2)', 'ARITY'],
    ['sum(k, 1, o, u_k)', 'NOT_CONSTANT'],
    ['sum(q, u_o)', 'SUM_RANGE_UNKNOWN'],
    ['sum(k, 1, 1e9, u_k)', 'SUM_TOO_LONG'],
    ['sum(1, 2)', 'SUM_FORM'],
    ['sum( )', 'SUM_FORM'],
    ['onehot(o, 1e9)', 'TOO_LARGE'],
    ['zeros(1e5, 1e5)', 'TOO_LARGE'],
    ['onehot(o, o)', 'NOT_CONSTANT'],
    ['U[1:2, 1]', 'NOT_ALLOWED'],
    ['U[1, 2, 3]', 'INDEX_FORM'],
    ['1:1e9', 'NOT_ALLOWED'],
    ['x = 1', 'NOT_ALLOWED'],
    ['f(x) = x', 'NOT_ALLOWED'],
    ['[1, 2, 3]', 'NOT_ALLOWED'],
    ['"text"', 'NOT_ALLOWED'],
    ['5!', 'NOT_ALLOWED'],
    ['7 mod 2', 'NOT_ALLOWED'],
    ['a; b', 'NOT_ALLOWED'],
    ['{a: 1}', 'NOT_ALLOWED'],
    ['5 cm', 'UNKNOWN_SYMBOL'],
    ['-log(yhat_o', 'SYNTAX'],
    ['', 'EMPTY_ANSWER'],
    ['   ', 'EMPTY_ANSWER'],
    ['('.repeat(100) + 'v_c' + ')'.repeat(100), 'TOO_DEEP'],
    ['1+'.repeat(1500) + '1', 'TOO_LONG'],
    [Array.from({ length: 300 }, () => 'v_c').join('+'), 'TOO_MANY_NODES'],
    ['sum(k, 1, 1000, sum(w, 1, 1000, sum(k, 1, 1000, u_o)))', 'TOO_MUCH_WORK'],
  ])('%s → %s', (text, code) => expect(errorOf(text)).toBe(code));

  it('points at the character of a syntax error', () => {
    try {
      compileText('U * (yhat - y))', scope, first);
    } catch (e) {
      expect((e as InputError).finding.at?.offset).toBe(14);
    }
    expect.assertions(1);
  });

  it('points at an unknown symbol and suggests near names', () => {
    try {
      compileText('U * (yhat - Y)', scope, first);
    } catch (e) {
      const f = (e as InputError).finding;
      expect(f.at?.offset).toBe(12);
      expect(f.args.suggestions).toContain('y');
    }
    expect.assertions(2);
  });

  it.each([
    ['sigam(v_c)', 'sigma'],
    ['U * (yaht - y)', 'yhat'],
    ['exp(u_o) + lgo(2)', 'log'],
  ])('suggests the name two swapped letters make: %s → %s', (text, name) => {
    try {
      compileText(text, scope, first);
    } catch (e) {
      expect((e as InputError).finding.args.suggestions).toContain(name);
    }
    expect.assertions(1);
  });

  it('names shapes in the question’s terms', () => {
    try {
      compileText("U' * (yhat - y)", scope, first);
    } catch (e) {
      expect((e as InputError).finding.args).toMatchObject({ left: '7 x 3', leftName: 'V x d', right: '7 x 1', rightName: 'V x 1' });
    }
    expect.assertions(1);
  });
});

describe('names that exist on JavaScript objects are not symbols', () => {
  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])('%s is unknown', (name) => {
    expect(errorOf(name)).toBe('UNKNOWN_SYMBOL');
    expect(errorOf(`${name}(1)`)).toBe('UNKNOWN_FUNCTION');
  });
});
