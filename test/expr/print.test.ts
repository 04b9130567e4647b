import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../grader/bank/load.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { InputError } from '../../grader/core/index.js';
import { N, type Node } from '../../grader/expr/math.js';
import { parseMathjs, walk } from '../../grader/expr/parse.js';
import { toText } from '../../grader/expr/print.js';
import { createRng, integer, type Rng } from '../../grader/sample/rng.js';
import { ADVERSARIAL } from '../adversarial/cases.js';
import { BANK } from '../helpers.js';

/** What mathjs prints, the text toText must match byte for byte. */
const mathjs = (node: Node): string => node.toString({ implicit: 'show' });

/** Every subtree prints as mathjs prints it; returns how many were compared. */
function same(node: Node): number {
  let count = 0;
  walk(node, (n) => {
    expect(toText(n)).toBe(mathjs(n));
    count++;
  });
  return count;
}

const QUESTIONS = allQuestions(BANK);

/** A tree as the grader prints it: read, normalized and compiled for its question; undefined when invalid. */
function readFor(id: string, answer: string): Node | undefined {
  const q = QUESTIONS.find((x) => x.id === id)!;
  try {
    return readAndCompile(q, answer).node;
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

describe('toText prints as mathjs toString({ implicit: show })', () => {
  it('on every expression of the bank, as read', () => {
    let n = 0;
    for (const q of QUESTIONS) for (const node of [...q.expressions, ...(q.referenceNode ? [q.referenceNode] : [])]) n += same(node);
    expect(n).toBeGreaterThan(500);
  });

  it('on every example answer and adversarial answer, as read, and as the bench disguises them', () => {
    let n = 0;
    const answers = [...QUESTIONS.flatMap((q) => q.examples.map((e) => [q.id, e.answer] as const)), ...ADVERSARIAL.map((a) => [a.id, a.answer] as const)];
    for (const [id, answer] of answers)
      for (const text of [answer, `(${answer}) * 418297 / 418297`, `123456 * (${answer})`, `\\frac{100000}{100000} \\left(${answer}\\right)`]) {
        const node = readFor(id, text);
        if (node) n += same(node);
      }
    expect(n).toBeGreaterThan(5000);
  });

  it.each([
    'a - (b + c)',
    'a - b + c',
    'a - (b - c)',
    'a / (b * c)',
    'a / b / c',
    'a * b / c',
    'a .* b * c',
    'a * b .* c',
    'a ./ b ./ c',
    'a ^ b ^ c',
    '(a ^ b) ^ c',
    '-a ^ 2',
    '(-a) ^ 2',
    "a''",
    "(a + b)'",
    "-a'",
    'not a',
    'not (a and b)',
    'a and b or c xor d',
    'a == b ? c + 1 : d',
    'a ? (b ? c : d) : e',
    '(a ? b : c) + 1',
    'a < b < c',
    'a <= b == c',
    'a mod b mod c',
    'x!',
    '-x!',
    '+x',
    '- - x',
    '2 x',
    '2 x y',
    '(2) (x)',
    '2x^2',
    'a[1, 2]',
    'a[1:3]',
    '[1, 2; 3, 4]',
    'f(x, y + 1)',
    'f(g(x))',
    '1e21 + 1e-7 + 0.5 + 123456.789 + 99999 + 100000 + 1e15 + 3.14159',
    'x to y',
    'a ?? b',
    '1:n',
    'a & b | c',
  ])('%s', (text) => {
    expect(same(parseMathjs(text))).toBeGreaterThan(0);
  });

  it.each([0, 1, -1, 7, 99999, -99999, 100000, -100000, 418297, 123456789, 1e15, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 0.5, -0.001, 1e-4, NaN, Infinity])(
    'the number %d',
    (v) => expect(toText(N.constant(v))).toBe(mathjs(N.constant(v))),
  );
});

// Every operator mathjs knows, with the arity it is written with.
const BINARY = [
  ['+', 'add'],
  ['-', 'subtract'],
  ['*', 'multiply'],
  ['/', 'divide'],
  ['.*', 'dotMultiply'],
  ['./', 'dotDivide'],
  ['mod', 'mod'],
  ['^', 'pow'],
  ['.^', 'dotPow'],
  ['==', 'equal'],
  ['!=', 'unequal'],
  ['<', 'smaller'],
  ['>=', 'largerEq'],
  ['and', 'and'],
  ['or', 'or'],
  ['xor', 'xor'],
  ['&', 'bitAnd'],
  ['|', 'bitOr'],
  ['^|', 'bitXor'],
  ['<<', 'leftShift'],
  ['to', 'to'],
  ['??', 'nullish'],
] as const;
const UNARY = [
  ['-', 'unaryMinus'],
  ['+', 'unaryPlus'],
  ['not', 'not'],
  ['~', 'bitNot'],
  ["'", 'ctranspose'],
  ['!', 'factorial'],
] as const;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[integer(rng, 0, xs.length - 1)]!;

function randomTree(rng: Rng, depth: number): Node {
  const leaf = depth <= 0 || integer(rng, 0, 4) === 0;
  if (leaf)
    return integer(rng, 0, 2) === 0 ? N.constant(pick(rng, [0, 2, 31, 100000, 418297, -5, 0.25, 1e-5, 1e21])) : N.symbol(pick(rng, ['x', 'yhat', 'W2']));
  const sub = (): Node => randomTree(rng, depth - 1);
  switch (integer(rng, 0, 9)) {
    case 0:
      return N.paren(sub());
    case 1: {
      const [op, fn] = pick(rng, UNARY);
      return N.op(op, fn, [sub()]);
    }
    case 2:
      return N.call(pick(rng, ['f', 'sum', 'exp']), Array.from({ length: integer(rng, 0, 3) }, sub));
    case 3:
      return N.conditional(sub(), sub(), sub());
    case 4:
      return N.op(pick(rng, ['+', '*']), integer(rng, 0, 1) ? 'add' : 'multiply', Array.from({ length: integer(rng, 3, 4) }, sub), integer(rng, 0, 1) === 1);
    case 5:
      return N.access(sub(), [sub()]);
    default: {
      const [op, fn] = pick(rng, BINARY);
      return N.op(op, fn, [sub(), sub()], fn === 'multiply' && integer(rng, 0, 1) === 1);
    }
  }
}

describe('toText against mathjs on seeded random trees of every operator', () => {
  it('agrees on 1,000 trees and every subtree of them', () => {
    const rng = createRng(15, 'print');
    let n = 0;
    for (let i = 0; i < 1000; i++) n += same(randomTree(rng, 4));
    expect(n).toBeGreaterThan(5000);
  });
});
