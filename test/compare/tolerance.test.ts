import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mismatch, relativeError } from '../../grader/compare/tolerance.js';
import { column } from '../../grader/linalg/mat.js';
import { roundoff } from '../../grader/linalg/meter.js';

const tol = { rel: 1e-6, abs: 1e-9 };

describe('mismatch', () => {
  it.each([
    [[1, 2], [1, 2], false],
    [[1 + 1e-9, 2], [1, 2], false],
    [[1 + 1e-4, 2], [1, 2], true],
    [[1e-12], [0], false],
    [[1e-6], [0], true],
    [[NaN], [1], true],
    [[Infinity], [1], true],
    [[-Infinity], [-1e308], true],
    [[NaN], [NaN], true],
    [[1e308], [-1e308], true],
    [[-0, 0], [0, -0], false],
  ])('%j vs %j → %s', (a, b, wrong) => expect(mismatch(column(a), column(b), tol) !== undefined).toBe(wrong));

  it('names the worst entry', () => expect(mismatch(column([1, 5, 2]), column([1, 2, 2]), tol)).toEqual({ index: 1, got: 5, expected: 2 }));
});

describe('relativeError', () => {
  it('is zero for two zero vectors and infinite for NaN', () => {
    expect(relativeError(column([0, 0]), column([0, 0]))).toBe(0);
    expect(relativeError(column([NaN]), column([1]))).toBe(Infinity);
    expect(relativeError(column([1.1]), column([1]))).toBeCloseTo(0.1 / 1.1);
  });
});

describe('mismatch with the default rule (rel 1e-9, no absolute floor, round-off measured)', () => {
  const strict = { rel: 1e-9, abs: 0 };
  it.each([
    ['a wrong term a millionth of the answer', [1 + 1e-6, 2], [1, 2], {}, true],
    ['a wrong term a millionth of a small answer', [1e-8 * (1 + 1e-6)], [1e-8], {}, true],
    ['round-off of a few ulps', [1 + 4e-16, 2], [1, 2], {}, false],
    ['an entry small beside the largest (norm-wise)', [1e-20, 1], [0, 1], {}, false],
    ['cancellation the reference measured widens the rule', [1 + 1e-7], [1], { ref: 1e8 }, false],
    ["the answer's own cancellation widens it at most 1e-8", [1 + 1e-7], [1], { answer: 1e12 }, true],
    ['counts compare as integers', [3600 + 1e-7], [3600], { integer: true }, true],
    ['exact counts are equal', [3600], [3600], { integer: true }, false],
  ])('%s', (_, a, b, precision, wrong) => expect(mismatch(column(a), column(b), strict, precision) !== undefined).toBe(wrong));
});

describe('mismatch decides agreeing values in one pass, as the entry-by-entry rule does', () => {
  // The rule written out entry by entry (tolerance.ts before its one-pass check): the yardstick.
  const byEntry = (a: number[], b: number[], rel: number, abs: number): boolean => {
    const scale = Math.max(0, ...a.map(Math.abs), ...b.map(Math.abs));
    const limit = abs + (rel + roundoff(1) + roundoff(1)) * scale;
    return a.every((x, i) => Number.isFinite(x) && Number.isFinite(b[i]!) && (x === b[i] || Math.abs(x - b[i]!) / limit <= 1));
  };
  const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -0, 1, 1 + 2 ** -52, 1e-300, Infinity, NaN), fc.integer({ min: -3, max: 3 }));
  it('agrees with it on random vectors, with differences on both sides of the limit', () =>
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(0, 1e-9, 1e-6),
        (a, u, rel) => {
          // Each difference a multiple u of the limit (about: the scale grows with it).
          const scale = Math.max(0, ...a.filter(Number.isFinite).map(Math.abs));
          const b = a.map((x, i) => (i % 3 === 2 ? x : x + u[i]! * (rel + 2 * roundoff(1)) * scale));
          expect(mismatch(column(a), column(b), { rel, abs: 0 }, { ref: 1, answer: 1 }) === undefined).toBe(byEntry(a, b, rel, 0));
        },
      ),
      { numRuns: 3000, seed: 7 },
    ));
});
