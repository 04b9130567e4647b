import { describe, expect, it } from 'vitest';
import { fastParse, mathjsParse, mathParse, type Node } from '../../grader/expr/math.js';
import { walk } from '../../grader/expr/parse.js';
import { compare, corpus, OUTSIDE } from './fastparse-helpers.js';

describe('fastParse builds the tree mathjs builds', () => {
  // The text, and mathjs's toString({ implicit: 'show' }) of it, as a reminder of what each means.
  it.each([
    ['1/2x', '1 / 2 x'],
    ['1/2 x', '1 / 2 x'],
    ['-1/2x', '-1 / 2 x'],
    ['1/2(x)', '1 / 2 (x)'],
    ['1/2/3x', '1 / (2 / 3 x)'],
    ['x/2y', 'x / 2 y'],
    ['1/x y', '1 / x y'],
    ['2 x y', '2 x y'],
    ['2(3)', '2 (3)'],
    ['(a)(b)', '(a) (b)'],
    ['(a+b)2', '(a + b) 2'],
    ['a b^2', 'a b ^ 2'],
    ['2x^2', '2 x ^ 2'],
    ['-x^2', '-x ^ 2'],
    ['2^-3', '2 ^ (-3)'],
    ['2^3^4', '2 ^ 3 ^ 4'],
    ["x'^2", "x' ^ 2"],
    ["a'b", "a' b"],
    ["a''", "(a')'"],
    ["f(x)'", "f(x)'"],
    ['2.5e-3x', '0.0025 x'],
    ['1e5', '1e+5'],
    ['1e', '1 e'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['5.*x', '5 .* x'],
    ['2!', '2!'],
    ['2! 3', '2! (3)'],
    ['a .* b', 'a .* b'],
    ['a./b', 'a ./ b'],
    ['a.^2', 'a .^ 2'],
    ['f()', 'f()'],
    ['f(x, y + 1)', 'f(x, y + 1)'],
    ['f(x)(y)', 'f(x) (y)'],
    ['a[1, 2]', 'a[1, 2]'],
    ['W[:, i]', 'W[1:end, i]'],
    ['a[2:end]', 'a[2:end]'],
    ['a[2:]', 'a[2:end]'],
    ['a[1:2:9]', 'a[1:2:9]'],
    ['a[1](2)', 'a[1](2)'],
    ['softmax(x)[j]', 'softmax(x)[j]'],
    ['1:n', '1:n'],
    ['[a, b; c, d]', '[[a, b], [c, d]]'],
    ['[1, 2, ]', '[1, 2]'],
    ['[1, 2; ]', '[[1, 2]]'],
    ['[]', '[]'],
    ['[1,2][1]', '[1, 2][1]'],
    ['j == o ? yhat_j - 1 : yhat_j', '(j == o) ? (yhat_j - 1) : yhat_j'],
    ['a ? b : c ? d : e', 'a ? b : (c ? d : e)'],
    ['a ? (1:2) : c', 'a ? (1:2) : c'],
    ['a < b <= c', 'a < b <= c'],
    ['a != b', 'a != b'],
    ['+x', '+x'],
    ['- - x', '-(-x)'],
    ['x_1 + $y', 'x_1 + $y'],
    ['αβ + ℏ', 'αβ + ℏ'],
    ['𝑥 + 1', '𝑥 + 1'],
    ['a\u00a0b', 'a b'],
    ['end', 'end'],
    ['((((x))))', '((((x))))'],
    ['1.5e+300 * 1e999', '1.5e+300 * Infinity'],
  ])('%s', (text, shown) => {
    expect(compare(text)).toBe('same');
    expect(fastParse(text)!.toString()).toBe(shown);
  });

  // Left to mathjs: outside the subset, or an error mathjs must word.
  it.each([
    '',
    '  ',
    'a = 1',
    'f(x) = x^2',
    'a; b',
    'a\nb',
    'a # comment',
    '"text"',
    "'text'",
    '5%',
    'a mod b',
    'x to cm',
    '2 in',
    'a and b',
    'not a',
    '~a',
    'a & b',
    'a | b',
    'a ^| b',
    'a << 1',
    'a ?? b',
    'a?.b',
    'a.b',
    '{a: 1}',
    '0x1f',
    '0b101',
    'true',
    'NaN',
    'Infinity',
    '1e+',
    '1e.5',
    '2 3',
    'x (',
    '[1, 2; 3]',
    'a ? : b',
    'a ? b',
    ')',
    '1..2',
  ])('declines %j', (text) => {
    expect(fastParse(text)).toBeUndefined();
    compare(text);
  });
});

describe('fastParse on every text of the bank, the submissions, the fixtures and the adversarial answers', () => {
  const texts = corpus();

  it('agrees with mathjs on each, and declines only constructs outside its subset', () => {
    const outcomes = { same: 0, declined: 0, 'both-rejected': 0 };
    const declined: string[] = [];
    for (const text of texts) {
      const outcome = compare(text);
      outcomes[outcome]++;
      if (outcome === 'declined' && !OUTSIDE.test(text)) declined.push(text);
    }
    expect(declined).toEqual([]);
    expect(outcomes.same).toBeGreaterThan(1200);
  });
});

describe('mathParse, which keeps a tree from the second time its text comes', () => {
  it.each(['a * (b + c[1])', 'x ? 1 : -y', 'softmax(W * h)', '{a: 1}'])('hands out a tree of its own each time: %s', (text) => {
    const want = JSON.stringify(mathjsParse(text));
    const trees = Array.from({ length: 4 }, () => mathParse(text));
    for (const t of trees) expect(JSON.stringify(t)).toBe(want);
    expect(new Set(trees).size).toBe(4);
    // Changing a tree deep down, the first (not kept) or the second (a copy of the kept one), changes no later one.
    for (const t of trees.slice(0, 2)) t.traverse((n) => (n.type === 'SymbolNode' ? Object.assign(n, { name: 'changed' }) : n));
    expect(JSON.stringify(mathParse(text))).toBe(want);
  });
});

describe('walk, which reads the usual kinds of node directly', () => {
  it('visits every node of every corpus tree, with its parent, in the order of mathjs traverse', () => {
    let trees = 0;
    for (const text of corpus()) {
      let tree: Node;
      try {
        tree = mathjsParse(text);
      } catch {
        continue;
      }
      const theirs: [Node, Node | null][] = [];
      tree.traverse((n, _path, parent) => theirs.push([n, parent ?? null]));
      const ours: [Node, Node | null][] = [];
      walk(tree, (n, parent) => ours.push([n, parent]));
      expect(ours.length).toBe(theirs.length);
      ours.forEach(([n, p], i) => {
        expect(n).toBe(theirs[i]![0]);
        expect(p).toBe(theirs[i]![1]);
      });
      trees++;
    }
    expect(trees).toBeGreaterThan(1200);
  });
});
