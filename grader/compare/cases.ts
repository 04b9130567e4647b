/**
 * An answer and the reference evaluated side by side at every point (and every value of the
 * free index): the data every later check reads.
 */
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { mismatch } from './tolerance.js';

export interface Case {
  /** Which sample point (0-based). */
  readonly point: number;
  readonly env: M.Mat[];
  /** The free index value, when the question has one. */
  readonly free?: number;
  /** The answer's value, in the reference's orientation. */
  readonly got: M.Mat;
  readonly expected: M.Mat;
  readonly wrong: boolean;
}

type Run = (env: M.Mat[]) => M.Mat;

/** How to evaluate an answer: a bare literal 0 stands for the zero of the reference's shape. */
export function answerRun(q: Question, compiled: { run: Run; zeroLiteral?: boolean }): Run {
  if (!compiled.zeroLiteral) return compiled.run;
  const zero = M.zeros(q.reference.shape.rows, q.reference.shape.cols);
  return () => zero;
}

/** Evaluates `run` against the reference everywhere. Throws InputError (an index out of range). */
export function evaluateCases(q: Question, run: Run, points: readonly Point[]): Case[] {
  const { rows, cols } = q.reference.shape;
  const cases: Case[] = [];
  points.forEach((p, point) =>
    p.envs.forEach((env, e) => {
      const raw = run(env.slice());
      const got = raw.rows === rows ? raw : M.mat(rows, cols, raw.data);
      const expected = q.reference.run(env.slice());
      const free = p.freeValues[e];
      cases.push({ point, env, ...(free !== undefined ? { free } : {}), got, expected, wrong: mismatch(got, expected, q.tolerance) !== undefined });
    }),
  );
  return cases;
}

/** Whether `f(case)` matches the answer in every case. */
export function matchesEverywhere(q: Question, cases: readonly Case[], f: (c: Case) => M.Mat): boolean {
  return cases.every((c) => mismatch(c.got, f(c), q.tolerance) === undefined);
}
