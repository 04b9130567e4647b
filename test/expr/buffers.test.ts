/**
 * Evaluation reuses each compiled node's own output (expr/compile, linalg/mat `out`): what a
 * compiled expression returns must still never alias what a later run computes, and the kernels'
 * special loops must form the very sums the general one does.
 */
import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../grader/bank/load.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { PointCache } from '../../grader/compare/points.js';
import { childrenOf } from '../../grader/expr/children.js';
import { withBinding } from '../../grader/expr/index.js';
import { readAnswer, vocabFor, type Node } from '../../grader/expr/index.js';
import * as M from '../../grader/linalg/mat.js';
import { BANK } from '../helpers.js';

const questions = allQuestions(BANK).flatMap((q) => [q, ...q.others]);
const points = new PointCache(3);
const texts = (q: (typeof questions)[number]) => [q.referenceText, ...q.examples.map((e) => e.answer)].filter((t) => t !== '');

describe('a compiled expression returns a value of its own', () => {
  it.each(questions.map((q) => [`${q.id}${q.sizeSet ? `#${q.sizeSet}` : ''}`, q] as const))('%s: every example, run at two points', (_, q) => {
    const envs = points.get(q).flatMap((p) => p.envs);
    let checked = 0;
    for (const text of texts(q)) {
      let run;
      try {
        run = readAndCompile(q, text).compiled.run;
      } catch {
        continue; // an invalid example
      }
      const values = envs.map((env) => {
        try {
          return run(env.slice());
        } catch {
          return undefined; // an index out of range at this point
        }
      });
      // Each earlier value is unchanged by the runs after it, and equals a fresh run.
      values.forEach((v, i) => {
        if (!v) return;
        expect(Array.from(v.data)).toEqual(Array.from(run(envs[i]!.slice()).data));
        checked++;
      });
      expect(new Set(values.filter(Boolean).map((v) => v!.data)).size).toBe(values.filter(Boolean).length);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/** The general product loop, as it was before the special cases: the yardstick. */
function generalProduct(a: M.Mat, b: M.Mat): number[] {
  const out = new Array<number>(a.rows * b.cols).fill(0);
  for (let i = 0; i < a.rows; i++)
    for (let p = 0; p < a.cols; p++) {
      const x = a.data[i * a.cols + p]!;
      if (x === 0) continue;
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j]! += x * b.data[p * b.cols + j]!;
    }
  return out;
}

const m = (rows: number, cols: number, xs: number[]) => M.mat(rows, cols, Float64Array.from(xs));
const same = (got: M.Mat, want: number[]) =>
  expect(Array.from(got.data).map((x) => (Object.is(x, -0) ? '-0' : x))).toEqual(want.map((x) => (Object.is(x, -0) ? '-0' : x)));

describe('products: the special loops form the general loop’s sums, into a reused output too', () => {
  it.each([
    ['matrix x vector', m(2, 3, [1, 0, -2, 0, 0, 0]), m(3, 1, [Infinity, 5, 0.1])],
    ['matrix x vector, a zero row and -0 terms', m(2, 2, [0, -1, 3, 0]), m(2, 1, [NaN, 0])],
    ['outer product with zeros, -0 and infinity', m(3, 1, [2, 0, -1]), m(1, 3, [0, -Infinity, 3])],
    ['outer product of -0', m(2, 1, [-0, 1]), m(1, 2, [-1, 0])],
    ['general', m(2, 2, [1, 0, 2, 3]), m(2, 2, [4, -0, 6, Infinity])],
  ])('%s', (_, a, b) => {
    const want = generalProduct(a, b);
    same(M.multiply(a, b), want);
    const out = M.mat(a.rows, b.cols, new Float64Array(a.rows * b.cols).fill(7)); // stale values from a previous run
    expect(M.multiply(a, b, out)).toBe(out);
    same(out, want);
  });

  it.each([
    ['add', (o?: M.Mat) => M.add(m(1, 2, [1, 2]), m(1, 2, [3, 4]), o), [4, 6]],
    ['sub broadcast', (o?: M.Mat) => M.sub(M.scalar(1), m(1, 2, [1, 2]), o), [0, -1]],
    ['divide', (o?: M.Mat) => M.divide(m(1, 2, [1, 0]), m(1, 2, [4, 0]), o), [0.25, NaN]],
    ['scale', (o?: M.Mat) => M.scale(m(1, 2, [1, -2]), 3, o), [3, -6]],
    ['negate', (o?: M.Mat) => M.negate(m(1, 2, [1, 0]), o), [-1, -0]],
    ['softmax', (o?: M.Mat) => M.softmax(m(1, 2, [0, 0]), o), [0.5, 0.5]],
  ])('%s writes into the output it is given', (_, f, want) => {
    same(f(), want);
    const out = M.mat(1, 2, Float64Array.of(9, 9));
    expect(f(out)).toBe(out);
    same(out, want);
  });
});

describe('a bound name is a view that lists like a copied Map', () => {
  const scope = questions[0]!.model.scope;
  it.each([
    ['a new name', 'fresh'],
    ['a name rebound in place', [...scope.bindings.keys()][0]!],
  ])('%s', (_, name) => {
    const binding = { kind: 'const', value: 42 } as const;
    const view = withBinding(scope, name, binding).bindings;
    const copy = new Map(scope.bindings).set(name, binding);
    expect([...view]).toEqual([...copy]);
    expect([...view.keys()]).toEqual([...copy.keys()]);
    expect(view.size).toBe(copy.size);
    expect(view.get(name)).toBe(binding);
    expect(view.has(name)).toBe(true);
    const nested = withBinding({ ...scope, bindings: view }, 'other', binding).bindings;
    expect([...nested]).toEqual([...new Map(copy).set('other', binding)]);
  });
});

describe('stabilize reads children as mathjs lists them', () => {
  it('for every node of every example of the bank', () => {
    let nodes = 0;
    for (const q of allQuestions(BANK))
      for (const text of texts(q)) {
        let node: Node;
        try {
          node = readAnswer(text, vocabFor(q.model.scope, q.primeTranspose)).node;
        } catch {
          continue;
        }
        node.traverse((n) => {
          const listed: Node[] = [];
          n.forEach((c) => listed.push(c));
          expect(childrenOf(n)).toEqual(listed);
          nodes++;
        });
      }
    expect(nodes).toBeGreaterThan(1000);
  });
});
