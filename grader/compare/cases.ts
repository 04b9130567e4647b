/**
 * An answer and the reference evaluated side by side at every point (and every value of the
 * free index): the data every later check reads.
 */
import * as M from '../linalg/mat.js';
import { measureCall, roundoff } from '../linalg/meter.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { MAX_ANSWER_LEEWAY, mismatch, type Precision } from './tolerance.js';

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
  /** How precisely each side was computed here, for every comparison with this case. */
  readonly precision: Precision;
  /**
   * Wrong only because the answer's own form overflowed or cancelled away its precision, at a
   * large point: not counted either way (the reference, computed stably, is defined here).
   */
  readonly excused: boolean;
}

type Run = (env: M.Mat[]) => M.Mat;

/** How to evaluate an answer: a bare literal 0 stands for the zero of the reference's shape. */
export function answerRun(q: Question, compiled: { run: Run; zeroLiteral?: boolean }): Run {
  if (!compiled.zeroLiteral) return compiled.run;
  const zero = M.zeros(q.reference.shape.rows, q.reference.shape.cols);
  return () => zero;
}

const integerQuestions = new WeakMap<Question, boolean>();

/** A question about counts: every symbol drawn is an integer (its answers compare as integers). */
export function isIntegerQuestion(q: Question): boolean {
  let v = integerQuestions.get(q);
  if (v === undefined) integerQuestions.set(q, (v = q.model.slots.every((s) => !s.dist || s.dist.kind === 'integer' || s.dist.kind === 'indices')));
  return v;
}

/** Evaluates `run` against the reference everywhere. Throws InputError (an index out of range). */
export function evaluateCases(q: Question, run: Run, points: readonly Point[]): Case[] {
  const integer = isIntegerQuestion(q);
  const cases: Case[] = [];
  // Plain loops: this runs for every point of every answer.
  for (let point = 0; point < points.length; point++) {
    const p = points[point]!;
    for (let e = 0; e < p.envs.length; e++) cases.push(evaluateCase(q, run, p, point, e, integer));
  }
  return cases;
}

/** The answer against the reference in environment `e` of point `p` (the `point`-th). Throws InputError. */
export function evaluateCase(q: Question, run: Run, p: Point, point: number, e: number, integer: boolean): Case {
  const env = p.envs[e]!;
  const m = measureCall(run, env.slice());
  const raw = m.value;
  const { rows, cols } = q.reference.shape;
  const got = raw.rows === rows ? raw : M.mat(rows, cols, raw.data);
  const expected = p.expected?.[e] ?? q.reference.run(env.slice());
  // One object shape for every precision (no spread): the comparisons below read it at every case.
  const precision: Precision = { ref: p.refKappa?.[e] ?? 1, answer: m.kappa, integer: integer && expected.data.every(Number.isInteger), answerCap: undefined };
  const wrong = mismatch(got, expected, q.tolerance, precision) !== undefined;
  // At a large point, a difference the answer's own form explains is excused: a value that
  // left float64's range (overflow, underflow), or a difference within the round-off its
  // cancellation allows. Points of moderate scale are never excused.
  const excused =
    wrong &&
    p.large === true &&
    (m.overflow ||
      (roundoff(m.kappa) > MAX_ANSWER_LEEWAY &&
        !mismatch(got, expected, q.tolerance, { ref: precision.ref, answer: precision.answer, integer: precision.integer, answerCap: Infinity })));
  return { point, env, free: p.freeValues[e], got, expected, wrong: wrong && !excused, precision, excused };
}

/** Whether `f(case)` matches the answer in every case (excused ones aside). */
export function matchesEverywhere(q: Question, cases: readonly Case[], f: (c: Case) => M.Mat): boolean {
  return cases.every((c) => {
    if (c.excused) return true;
    // The alternative is computed too (a term added to the reference): its cancellation counts.
    const m = measureCall(f, c);
    // Naming a mistake grants the answer its whole round-off: `(sigma(-z) - 1) v` is still a sign flip where it cancels.
    const { ref, answer, integer } = c.precision;
    return mismatch(c.got, m.value, q.tolerance, { ref: Math.max(ref ?? 1, m.kappa), answer, integer, answerCap: Infinity }) === undefined;
  });
}
