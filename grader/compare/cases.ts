/**
 * An answer and the reference evaluated side by side at every point (and every value of the
 * free index): the data every later check reads.
 */
import * as M from '../linalg/mat.js';
import { measureInto, roundoff, type Reading } from '../linalg/meter.js';
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

/**
 * How to evaluate an answer: a bare literal 0 stands for the zero of the reference's shape.
 * `shared`: its value in the expression's own buffer, for a caller that keeps nothing (quick checks).
 */
export function answerRun(q: Question, compiled: { run: Run; shared?: Run; zeroLiteral?: boolean }, shared = false): Run {
  if (!compiled.zeroLiteral) return (shared && compiled.shared) || compiled.run;
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
  const checker = new Checker(q, run);
  const { rows, cols } = q.reference.shape;
  const cases: Case[] = [];
  // Plain loops: this runs for every point of every answer.
  for (let point = 0; point < points.length; point++) {
    const p = points[point]!;
    for (let e = 0; e < p.envs.length; e++) {
      const outcome = checker.check(p, e);
      const { got: raw, expected, precision: last } = checker;
      const got = raw.rows === rows ? raw : M.mat(rows, cols, raw.data);
      // One object shape for every precision (no spread): the comparisons read it at every case.
      const precision: Precision = { ref: last.ref, answer: last.answer, integer: last.integer, answerCap: undefined };
      cases.push({ point, env: p.envs[e]!, free: p.freeValues[e], got, expected, wrong: outcome === WRONG, precision, excused: outcome === EXCUSED });
    }
  }
  return cases;
}

/** How a case came out. */
export const RIGHT = 0;
export const WRONG = 1;
/** Wrong only by the answer's own overflow or cancellation, at a large point: not counted (Case.excused). */
export const EXCUSED = 2;
export type Outcome = typeof RIGHT | typeof WRONG | typeof EXCUSED;

function judge(q: Question, got: M.Mat, expected: M.Mat, precision: Precision, large: boolean, overflow: boolean): Outcome {
  if (mismatch(got, expected, q.tolerance, precision) === undefined) return RIGHT;
  // At a large point, a difference the answer's own form explains is excused: a value that
  // left float64's range (overflow, underflow), or a difference within the round-off its
  // cancellation allows. Points of moderate scale are never excused.
  const excused =
    large &&
    (overflow ||
      (roundoff(precision.answer) > MAX_ANSWER_LEEWAY &&
        !mismatch(got, expected, q.tolerance, { ref: precision.ref, answer: precision.answer, integer: precision.integer, answerCap: Infinity })));
  return excused ? EXCUSED : WRONG;
}

/**
 * The cases of one answer judged one by one (a Checker per answer and size set). Nothing is kept:
 * with answerRun's `shared` run nothing is allocated per case (quick checks); evaluateCases keeps
 * each case's values, read from the last check.
 */
export class Checker {
  private readonly env: M.Mat[] = [];
  private readonly reading: Reading = { kappa: 1, overflow: false };
  /** The last case checked: the answer's value (with a shared run, its own buffer: read it before the next check), the reference's, and how precisely each was computed. */
  got: M.Mat = M.zeros(0, 0);
  expected: M.Mat = M.zeros(0, 0);
  readonly precision: { ref: number; answer: number; integer: boolean; answerCap: number | undefined } = {
    ref: 1,
    answer: 1,
    integer: false,
    answerCap: undefined,
  };
  private readonly integer: boolean;

  /** `run`: answerRun(q, compiled), or answerRun(q, compiled, true) for a value read at once. */
  constructor(
    private readonly q: Question,
    private readonly run: Run,
  ) {
    this.integer = isIntegerQuestion(q);
  }

  /**
   * Environment `e` of point `p`, run in an environment refilled here (the answer writes only its
   * own bound variables past the sampled slots, so the point's own stays as it was). Throws
   * InputError (an index out of range).
   */
  check(p: Point, e: number): Outcome {
    const from = p.envs[e]!;
    const env = this.env;
    for (let i = 0; i < from.length; i++) env[i] = from[i]!;
    const got = measureInto(this.run, env, this.reading);
    const expected = p.expected?.[e] ?? this.q.reference.run(from.slice());
    const precision = this.precision;
    precision.ref = p.refKappa?.[e] ?? 1;
    precision.answer = this.reading.kappa;
    precision.integer = this.integer && expected.data.every(Number.isInteger);
    this.got = got;
    this.expected = expected;
    // Shapes hold equally many entries (a transposed vector is compared as it is: entry by entry).
    return judge(this.q, got, expected, precision, p.large === true, this.reading.overflow);
  }

  /** Every environment of every point: how many points have a case excused, or undefined at the first wrong case. */
  excusedPoints(points: readonly Point[]): number | undefined {
    let excused = 0;
    for (let point = 0; point < points.length; point++) {
      const p = points[point]!;
      let any = false;
      for (let e = 0; e < p.envs.length; e++) {
        const outcome = this.check(p, e);
        if (outcome === WRONG) return undefined;
        if (outcome === EXCUSED) any = true;
      }
      if (any) excused++;
    }
    return excused;
  }
}
