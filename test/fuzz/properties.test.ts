/**
 * Property-based tests (fast-check) of the readers, the compiler and the evaluator. Each property
 * runs a fixed number of seeded cases (FUZZ_RUNS raises it for a soak: `FUZZ_RUNS=20000 npx
 * vitest run test/fuzz`); a failure prints the seed and the shrunk input to replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../grader/core/index.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { PointCache } from '../../grader/compare/points.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { toLatex, toText } from '../../grader/expr/index.js';
import { question } from '../helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const params = (seed: number) => ({ numRuns: RUNS, seed, endOnFailure: true });

const q = question('symbols:\n  x: { sample: positive }\n  y: { sample: normal }\n  z: { sample: uniform }', 'reference: "x + y"');
const envs = new PointCache(3).get(q).flatMap((p) => p.envs);

/** Random well-formed formulas over x, y, z, fully parenthesised. */
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', 'z', '2', '3', '0.5', '7'),
    fc.tuple(fc.constantFrom('-', 'exp', 'tanh', 'sigma', 'log'), tie('expr')).map(([f, a]) => (f === '-' ? `(-${a})` : `${f}(${a})`)),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('expr').map((a) => `(${a})^2`),
  ),
}));

const values = (answer: string): number[] => {
  const { compiled } = readAndCompile(q, answer);
  return envs.map((env) => compiled.run(env.slice()).data[0]!);
};
const close = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('random valid formulas', () => {
  it('print and read back to the same text (mathjs syntax)', () => {
    fc.assert(
      fc.property(expr, (text) => {
        const once = toText(readAndCompile(q, text).node);
        expect(toText(readAndCompile(q, once).node)).toBe(once);
      }),
      params(1),
    );
  });

  it('mean the same when rendered to LaTeX and read back', () => {
    fc.assert(
      fc.property(expr, (text) => {
        const latex = `$${toLatex(readAndCompile(q, text).node)}$`;
        const a = values(text);
        const b = values(latex);
        expect(
          a.every((v, i) => close(v, b[i]!)),
          `${text} vs ${latex}: ${a} vs ${b}`,
        ).toBe(true);
      }),
      params(2),
    );
  });
});

const MATHJS = [
  'x',
  'y',
  'U',
  'v_c',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  "'",
  '+',
  '-',
  '*',
  '/',
  '^',
  '.*',
  '==',
  '?',
  'sum(',
  'exp(',
  'softmax(',
  '1e308',
  '0',
  ' ',
  '"',
  '#',
  ';',
  '=',
  'undefined',
  '\n',
  '\u001b',
];
const LATEX = [
  '\\frac',
  '{',
  '}',
  '\\hat',
  '\\sum',
  '_',
  '^',
  '\\left(',
  '\\right)',
  '\\begin{cases}',
  '\\end{cases}',
  '&',
  '\\\\',
  '\\top',
  '\\cdot',
  '$',
  '\\mathbf',
  '\\text{',
  '\\sigma',
  '\\',
  '%',
];

describe('token soups', () => {
  const soup = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }).map((xs) => xs.join(''));
  const w2v = question(
    'sizes: { d: 3, V: 7 }\nsymbols:\n  U: { shape: [d, V], sample: normal }\n  v_c: { shape: d, sample: normal }\n  x: { sample: normal }\n  y: { shape: V, sample: probability }',
    'reference: "U * y"',
  );
  const points = new PointCache(1).get(w2v);

  it.each([
    ['mathjs pieces', soup(MATHJS)],
    ['LaTeX pieces', soup([...LATEX, ...MATHJS])],
    ['any text', fc.string({ maxLength: 60, unit: 'binary' })],
  ])('%s always get a verdict, quickly', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const t = performance.now();
        const r = gradeAnswer(w2v, text, points);
        expect(['correct', 'incorrect', 'invalid', 'unanswered']).toContain(r.verdict);
        expect(performance.now() - t).toBeLessThan(2000);
      }),
      params(3),
    );
  });
});

describe('random shapes', () => {
  const dim = fc.integer({ min: 1, max: 5 });
  it('a product, a sum and a transpose compile to the shape matrix rules give, or fail with a shape finding', () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, fc.constantFrom('A * B', 'A + B', "A' * B", 'A .* B', "A * B'"), (r1, c1, r2, c2, form) => {
        const shapes = question(
          `sizes: { a: ${r1}, b: ${c1}, c: ${r2}, e: ${c2} }\nsymbols:\n  A: { shape: [a, b], sample: normal }\n  B: { shape: [c, e], sample: normal }`,
          'reference: "A"',
        );
        const [ra, ca] = form.startsWith("A'") ? [c1, r1] : [r1, c1];
        const [rb, cb] = form.endsWith("B'") ? [c2, r2] : [r2, c2];
        const product = form.includes(' * ');
        const scalarA = ra === 1 && ca === 1;
        const scalarB = rb === 1 && cb === 1;
        const ok = product ? ca === rb || scalarA || scalarB : (ra === rb && ca === cb) || scalarA || scalarB;
        let shape: { rows: number; cols: number } | undefined;
        try {
          shape = readAndCompile(shapes, form).compiled.shape;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.finding.code).toMatch(/^SHAPE_/);
        }
        expect(shape !== undefined).toBe(ok);
        if (shape && !scalarA && !scalarB) expect([shape.rows, shape.cols]).toEqual(product ? [ra, cb] : [ra, ca]);
      }),
      params(4),
    );
  });
});
