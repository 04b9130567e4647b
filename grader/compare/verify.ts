/**
 * Proves a question right before a student sees it: its points can be drawn, its reference
 * matches central finite differences of its loss, equals its definition, and each example
 * answer gets the verdict it claims.
 */
import { finding, InputError, relocate, type Finding } from '../core/index.js';
import * as M from '../linalg/mat.js';
import { numericGradient } from '../sample/gradient.js';
import type { Point } from '../sample/points.js';
import { drawPoints } from './points.js';
import type { Derivative, Question } from '../bank/types.js';
import { gradeAnswer } from './grade.js';
import { mismatch, relativeError } from './tolerance.js';
import { nice } from './diagnose.js';

/** Central differences must agree with the reference to this relative error. */
export const FD_TOLERANCE = 1e-6;

export interface QuestionCheck {
  readonly id: string;
  readonly issues: readonly Finding[];
  /** Worst relative error of the reference against finite differences, for derivative questions. */
  readonly fdError?: number;
  readonly examples: number;
  /** Draws rejected because the reference was undefined there. */
  readonly rejected: number;
}

export function verifyQuestion(q: Question, seed: number): QuestionCheck {
  const issues: Finding[] = [];
  let points: Point[];
  let rejected = 0;
  try {
    ({ points, rejected } = drawPoints(q, seed));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { id: q.id, issues: [relocate(e.finding, q.at)], examples: 0, rejected };
  }
  let fdError: number | undefined;
  if (q.derivative) {
    fdError = finiteDifferenceError(q, q.derivative, points);
    if (!(fdError < FD_TOLERANCE)) {
      // Reference and loss disagree: at the reference, with the loss's line, and the factor when the ratio is constant.
      const factor = fdFactor(q, q.derivative, points);
      issues.push(finding('FD_MISMATCH', { error: fdError, max: FD_TOLERANCE, wrt: q.derivative.wrtText, ...(q.derivativeAt?.line ? { lossLine: q.derivativeAt.line } : {}), ...(factor ? { factor } : {}) }, q.referenceAt ?? q.at));
    }
  }
  const reference = q.reference.run;
  if (q.definition) {
    const wrong = pointsWhereDiffer(q, points, q.definition.run, reference);
    if (wrong > 0) issues.push(finding('DEFINITION_MISMATCH', { wrong, total: points.length }, q.referenceAt ?? q.at));
  }
  if (q.terms.length) {
    const sum = (env: M.Mat[]) => q.terms.map((t) => t.compiled.run(env)).reduce((a, b) => M.add(a, b));
    const wrong = pointsWhereDiffer(q, points, sum, reference);
    if (wrong > 0) issues.push(finding('TERMS_MISMATCH', { wrong, total: points.length }, q.at));
  }
  q.mistakes.forEach((m, i) => {
    if (pointsWhereDiffer(q, points, m.compiled.run, reference) === 0) issues.push(finding('MISTAKE_NOT_WRONG', { answer: m.answer }, m.at));
    if (q.mistakes.slice(0, i).some((e) => pointsWhereDiffer(q, points, m.compiled.run, e.compiled.run) === 0)) issues.push(finding('MISTAKE_SHADOWED', { answer: m.answer }, m.at));
  });
  if (!q.examples.some((e) => e.verdict !== 'correct')) issues.push(finding('NO_FAILING_EXAMPLE', {}, q.at));
  q.examples.forEach((ex, i) => {
    const got = gradeAnswer(q, ex.answer, points);
    if (got.verdict !== ex.verdict)
      issues.push(finding('EXAMPLE_VERDICT', { answer: ex.answer, expected: ex.verdict, got: got.verdict, because: got.feedback.map((f) => f.code) }, q.exampleAt[i]));
  });
  return { id: q.id, issues, ...(fdError !== undefined ? { fdError } : {}), examples: q.examples.length, rejected };
}

type Run = (env: M.Mat[]) => M.Mat;

/** At how many points `f` and `g` differ (for any value of the free index). Each run gets its own copy of the environment. */
function pointsWhereDiffer(q: Question, points: readonly Point[], f: Run, g: Run): number {
  return points.filter((p) => p.envs.some((env) => mismatch(f(env.slice()), g(env.slice()), q.tolerance))).length;
}

/**
 * The worst relative error, over the points, of the reference against central differences.
 * At a point, all free-index values are measured together, as one gradient (dJ/du_w for every
 * w is dJ/dU): a tiny column (yhat_w near 0) must not be judged against its own round-off.
 */
export function finiteDifferenceError(q: Question, d: Derivative, points: readonly Point[]): number {
  let worst = 0;
  for (const p of points) {
    const fds: M.Mat[] = [];
    const refs: M.Mat[] = [];
    for (const env of p.envs) {
      const fd = numericGradient(q.model, d, env);
      if (!fd) return Infinity;
      fds.push(fd);
      refs.push(q.reference.run(env.slice()));
    }
    worst = Math.max(worst, relativeError(stack(fds), stack(refs)));
  }
  return worst;
}

/** The constant k with reference = k × finite differences at every point, in words (`2`, `-1/2`), if there is one. */
function fdFactor(q: Question, d: Derivative, points: readonly Point[]): string | undefined {
  const fds: M.Mat[] = [];
  const refs: M.Mat[] = [];
  for (const p of points)
    for (const env of p.envs) {
      const fd = numericGradient(q.model, d, env);
      if (!fd) return undefined;
      fds.push(fd);
      refs.push(q.reference.run(env.slice()));
    }
  const fd = stack(fds);
  const ref = stack(refs);
  const norm = M.dotData(fd, fd);
  if (!(norm > 1e-24)) return undefined;
  const k = M.dotData(ref, fd) / norm;
  return Math.abs(k - 1) > 1e-3 && Math.abs(k) > 1e-9 && relativeError(M.map(fd, (x) => k * x), ref) < 1e-5 ? nice(k) : undefined;
}

const stack = (ms: M.Mat[]): M.Mat => M.column(ms.flatMap((m) => [...m.data]));
