/**
 * Proves a question right before a student sees it: its points can be drawn, its reference
 * matches central finite differences of its loss, equals its definition, and each example
 * answer gets the verdict it claims.
 */
import { finding, InputError, relocate, type Finding } from '../core/index.js';
import * as M from '../linalg/mat.js';
import { measure } from '../linalg/meter.js';
import { numericGradient } from '../sample/gradient.js';
import type { Point } from '../sample/points.js';
import { drawModeratePoints, drawPoints, PointCache } from './points.js';
import type { Derivative, Question } from '../bank/types.js';
import { gradeAnswer } from './grade.js';
import { mismatch, relativeError } from './tolerance.js';
import { nice } from './diagnose.js';

/** Central differences must agree with the reference to this relative error. */
export const FD_TOLERANCE = 1e-6;
/** Finite differences are checked at this many moderate points at least (drawn apart when the question's own are mostly large). */
export const FD_MIN_POINTS = 6;
/** The largest scale of a symbol at the points drawn apart for finite differences (below plan.ts's LARGE). */
const FD_MAX_SCALE = 1;

export interface QuestionCheck {
  readonly id: string;
  readonly issues: readonly Finding[];
  /**
   * For derivative questions: whether the reference agrees with finite differences (or they could
   * not be checked), and the relative error: the worst, or the one reported when they differ.
   */
  readonly fd?: 'agree' | 'differ' | 'unchecked';
  readonly fdError?: number;
  readonly examples: number;
  /** Draws rejected because the reference was undefined there. */
  readonly rejected: number;
}

/** Proves a question at every size set: the bank's sizes, then each other one. */
export function verifyQuestion(q: Question, seed: number): QuestionCheck {
  const issues: Finding[] = [];
  const cache = new PointCache(seed);
  let rejected = 0;
  let fdError: number | undefined;
  for (const at of [q, ...q.others]) {
    const one = verifyAtSizes(at, cache, issues);
    rejected += one.rejected;
    if (one.fdError !== undefined) fdError = Math.max(fdError ?? 0, one.fdError);
    if (one.failed) return { id: q.id, issues, examples: 0, rejected };
  }
  // A reference wrong at every size set is one problem: reported at the first.
  const seen = new Set<string>();
  const unique = issues.filter((f) => !seen.has(f.code) && !!seen.add(f.code));
  issues.splice(0, issues.length, ...unique);
  const fd = fdOutcome(issues, fdError);
  if (!q.examples.some((e) => e.verdict !== 'correct')) issues.push(finding('NO_FAILING_EXAMPLE', {}, q.at));
  q.examples.forEach((ex, i) => {
    const got = gradeAnswer(q, ex.answer, cache);
    if (got.verdict !== ex.verdict)
      issues.push(
        finding('EXAMPLE_VERDICT', { answer: ex.answer, expected: ex.verdict, got: got.verdict, because: got.feedback.map((f) => f.code) }, q.exampleAt[i]),
      );
  });
  return { id: q.id, issues, ...fd, examples: q.examples.length, rejected };
}

/** What check says of finite differences: the figure of the reported mismatch when there is one (one figure in the headline and the error). */
function fdOutcome(issues: readonly Finding[], worst: number | undefined): Pick<QuestionCheck, 'fd' | 'fdError'> {
  const differ = issues.find((f) => f.code === 'FD_MISMATCH');
  if (differ) return { fd: 'differ', fdError: Number(differ.args.error) };
  if (issues.some((f) => f.code === 'FD_UNCHECKED')) return { fd: 'unchecked' };
  return worst === undefined ? {} : { fd: 'agree', fdError: worst };
}

/** The sizes a question is built at, said in its findings after the bank's. */
const sizesOf = (q: Question) => (q.sizeSet ? { sizes: [...q.model.scope.sizes].map(([n, v]) => `${n} = ${v}`).join(', ') } : {});

/** Reference, definition, terms and mistakes at one size set. */
function verifyAtSizes(q: Question, cache: PointCache, issues: Finding[]): { rejected: number; fdError?: number; failed?: boolean } {
  let points: Point[];
  let rejected = 0;
  try {
    ({ points, rejected } = drawPoints(q, cache.seed));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    issues.push(relocate({ ...e.finding, args: { ...e.finding.args, ...sizesOf(q) } }, q.at));
    return { rejected, failed: true };
  }
  let fdError: number | undefined;
  const moderate = q.derivative ? moderatePoints(q, points, cache.seed) : [];
  if (q.derivative && !moderate.length)
    // A proof over no points proves nothing: it is an error, never a pass.
    issues.push(finding('FD_UNCHECKED', { wrt: q.derivative.wrtText, ...sizesOf(q) }, q.referenceAt ?? q.at));
  else if (q.derivative) {
    fdError = finiteDifferenceError(q, q.derivative, moderate);
    if (!(fdError < FD_TOLERANCE)) {
      // Reference and loss disagree: at the reference, with the loss's line, and the factor when the ratio is constant.
      const factor = fdFactor(q, q.derivative, moderate);
      issues.push(
        finding(
          'FD_MISMATCH',
          {
            error: fdError,
            max: FD_TOLERANCE,
            wrt: q.derivative.wrtText,
            ...(q.derivativeAt?.line ? { lossLine: q.derivativeAt.line } : {}),
            ...(factor ? { factor } : {}),
            ...sizesOf(q),
          },
          q.referenceAt ?? q.at,
        ),
      );
    }
  }
  const reference = q.reference.run;
  if (q.definition) {
    const wrong = pointsWhereDiffer(q, points, q.definition.run, reference);
    if (wrong > 0) issues.push(finding('DEFINITION_MISMATCH', { wrong, total: points.length, ...sizesOf(q) }, q.referenceAt ?? q.at));
  }
  if (q.terms.length) {
    const sum = (env: M.Mat[]) => q.terms.map((t) => t.compiled.run(env)).reduce((a, b) => M.add(a, b));
    const wrong = pointsWhereDiffer(q, points, sum, reference);
    if (wrong > 0) issues.push(finding('TERMS_MISMATCH', { wrong, total: points.length, ...sizesOf(q) }, q.at));
  }
  q.mistakes.forEach((m, i) => {
    if (pointsWhereDiffer(q, points, m.compiled.run, reference) === 0) issues.push(finding('MISTAKE_NOT_WRONG', { answer: m.answer }, m.at));
    if (q.mistakes.slice(0, i).some((e) => pointsWhereDiffer(q, points, m.compiled.run, e.compiled.run) === 0))
      issues.push(finding('MISTAKE_SHADOWED', { answer: m.answer }, m.at));
  });
  return { rejected, ...(fdError !== undefined ? { fdError } : {}) };
}

/**
 * Central differences are exact to O(h^2) only where the loss is smooth on the scale of h: they
 * are checked at the points of moderate scale (the reference itself at all of them). Symbols take
 * large scales at staggered points, so with several symbols (an unused matrix among them) few or
 * none of a question's points are moderate: then points at moderate scales are drawn apart.
 */
function moderatePoints(q: Question, points: readonly Point[], seed: number): Point[] {
  const moderate = points.filter((p) => !p.large);
  if (moderate.length >= FD_MIN_POINTS) return moderate;
  try {
    return [...moderate, ...drawModeratePoints(q, seed, FD_MAX_SCALE)];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return moderate; // the reference is undefined at moderate scales: what there is (maybe nothing) is checked
  }
}

type Run = (env: M.Mat[]) => M.Mat;

/** At how many points `f` and `g` differ (for any value of the free index). Each run gets its own copy of the environment. */
function pointsWhereDiffer(q: Question, points: readonly Point[], f: Run, g: Run): number {
  return points.filter((p) =>
    p.envs.some((env) => {
      const [a, b] = [measure(() => f(env.slice())), measure(() => g(env.slice()))];
      // Out of float64's range at a large point is not a difference (as for answers, cases.ts).
      if (p.large && (a.overflow || b.overflow) && !(M.allFinite(a.value) && M.allFinite(b.value))) return false;
      return mismatch(a.value, b.value, q.tolerance, { ref: b.kappa, answer: a.kappa }) !== undefined;
    }),
  ).length;
}

/**
 * The worst relative error, over the points, of the reference against central differences.
 * At a point, all free-index values are measured together, as one gradient (dJ/du_w for every
 * w is dJ/dU): a tiny column (yhat_w near 0) must not be judged against its own round-off.
 */
export function finiteDifferenceError(q: Question, d: Derivative, points: readonly Point[]): number {
  // No points is no evidence: NaN passes no `< tolerance` test.
  if (!points.length) return NaN;
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
  return Math.abs(k - 1) > 1e-3 &&
    Math.abs(k) > 1e-9 &&
    relativeError(
      M.map(fd, (x) => k * x),
      ref,
    ) < 1e-5
    ? nice(k)
    : undefined;
}

const stack = (ms: M.Mat[]): M.Mat => M.column(ms.flatMap((m) => [...m.data]));
