/** Carets from tokens: each answer's error must point at this offset and length, not at the first look-alike. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../grader/core/index.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { mathjsPositions, tokenize } from '../../grader/expr/positions.js';
import { compileTree, parseMathjs, walk, type Node } from '../../grader/expr/index.js';
import { question, W2V } from '../helpers.js';

const q = question(W2V.replace('  yhat: { value', '  h: { shape: d, sample: normal }\n  x: { sample: normal }\n  yhat: { value'), 'reference: "v_c"');

const caret = (text: string): [string, number | undefined, number | undefined] => {
  try {
    readAndCompile(q, text);
  } catch (e) {
    if (e instanceof InputError) return [e.finding.code, e.finding.at?.offset, e.finding.at?.length];
    throw e;
  }
  throw new Error(`no error for ${text}`);
};

describe('error positions on the mathjs-syntax path', () => {
  it.each([
    ['sigma(x) + sigma', 'FUNCTION_AS_VALUE', 11, 5],
    ['x + xx + x_y', 'UNKNOWN_SYMBOL', 4, 2],
    ['x_y + xx + x', 'UNKNOWN_SYMBOL', 0, 3],
    ['2*x + 2*xx', 'UNKNOWN_SYMBOL', 8, 2],
    ["h + h'", 'SHAPE_ADD', 0, 6],
    ["x + (h + h')", 'SHAPE_ADD', 5, 6],
    ["U' * (yhat - y)", 'SHAPE_PRODUCT', 0, 15],
    ['x + tanh(x, x)', 'ARITY', 4, 4],
    ['J = x + tanh', 'FUNCTION_AS_VALUE', 8, 4],
    ['h + q where q = x + xx', 'UNKNOWN_SYMBOL', 20, 2],
    ['U[:, 2] + h + qq', 'UNKNOWN_SYMBOL', 14, 2],
    ['U[2, :] * U[:, 2] * h', 'SHAPE_PRODUCT', 0, 17],
    ['x + 1e-3 * 0.5 * qq', 'UNKNOWN_SYMBOL', 17, 2],
  ])('%s → %s at %d (%d long)', (text, code, offset, length) => expect(caret(text)).toEqual([code, offset, length]));
});

describe('the mathjs-syntax tokenizer', () => {
  it.each([
    ["x' * (y_o + 2.5e-3)", ['x', "'", '*', '(', 'y_o', '+', '2.5e-3', ')']],
    ['A[:, 2] .* "s"', ['A', '[', ':', ',', '2', ']', '.', '*', '"s"']],
  ])('%s', (text, tokens) => expect(tokenize(text).map((t) => t.text)).toEqual(tokens));
});

describe('positions worked out when first asked', () => {
  // The lookup is made lazily; asking it only after the tree was checked, normalized and compiled
  // must place every node exactly where a lookup asked at once places it.
  it.each(["x' * (y_o + 2.5e-3)", "U[:, 2] * (h' * h) + v_c", 'sigma(x) * (1 - sigma(x)) + x_y', "v_c (yhat - y)' * h", 'tanh^2(x) + U^T (yhat - y)'])(
    '%s',
    (text) => {
      const now = parseMathjs(text);
      const early = mathjsPositions(now, text);
      const places = (where: (n: Node) => unknown, root: Node): unknown[] => {
        const out: unknown[] = [];
        walk(root, (n) => out.push(where(n)));
        return out;
      };
      const expected = places(early, now);
      const late = mathjsPositions(now, text);
      try {
        compileTree(now, q.model.scope, q.model.firstFreeSlot, late);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
      expect(places(late, now)).toEqual(expected);
      expect(expected.some((p) => p !== undefined)).toBe(true);
    },
  );
});
