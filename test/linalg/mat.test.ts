import { describe, expect, it } from 'vitest';
import * as M from '../../grader/linalg/mat.js';

const m = (rows: number[][]) => M.mat(rows.length, rows[0]!.length, Float64Array.from(rows.flat()));
const rows = (a: M.Mat) => Array.from({ length: a.rows }, (_, i) => [...a.data.slice(i * a.cols, (i + 1) * a.cols)]);

describe('kernels', () => {
  it.each([
    [
      'multiply',
      M.multiply(
        m([
          [1, 2],
          [3, 4],
        ]),
        m([[5], [6]]),
      ),
      [[17], [39]],
    ],
    ['scalar times matrix', M.multiply(M.scalar(2), m([[1, 2]])), [[2, 4]]],
    [
      'outer product',
      M.multiply(m([[1], [2]]), m([[3, 4]])),
      [
        [3, 4],
        [6, 8],
      ],
    ],
    [
      'transpose',
      M.transpose(
        m([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    ],
    ['add', M.add(m([[1, 2]]), m([[3, 4]])), [[4, 6]]],
    ['scalar broadcast', M.sub(M.scalar(1), m([[1, 2]])), [[0, -1]]],
    ['hadamard', M.hadamard(m([[1, 2]]), m([[3, 4]])), [[3, 8]]],
  ])('%s', (_, got, want) => expect(rows(got)).toEqual(want));

  it('softmax is stable for large inputs and sums to one', () => {
    const s = M.softmax(M.column([1000, 1001, 1002]));
    expect(M.allFinite(s)).toBe(true);
    expect(M.sumAll(s)).toBeCloseTo(1, 12);
    expect(s.data[2]).toBeGreaterThan(s.data[1]!);
  });
});
