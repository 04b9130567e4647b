/**
 * Grading one answer is an ordered list of checks, each able to stop with its reason:
 * read → allow-list and names → shape → values. `invalid` (unreadable) is never `incorrect`.
 */
import {
  finding,
  InputError,
  isVector,
  nameShape,
  showShape,
  size,
  transposed,
  sameShape,
  type Finding,
  type QuestionReport,
  type Verdict,
} from '../core/index.js';
import { toLatex, toText, type Compiled } from '../expr/index.js';
import { readAndCompile, type Definitions, type Read } from './read.js';
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { answerRun, Checker, evaluateCases, type Case } from './cases.js';
import { diagnose } from './diagnose.js';
import { forbiddenFindings, formFindings } from './form.js';
import type { PointSource } from './points.js';
import { sizeFinding } from './sizes.js';
import { keep } from './evaluation.js';

/** How an answer was read, for the report: mathjs text, LaTeX, notation. */
export interface Interpretation {
  readonly text: string;
  readonly latex: string;
  readonly notation: 'mathjs' | 'latex';
}

const report = (q: Question, verdict: Verdict, answer: string | null, how: Interpretation | null, feedback: Finding[], credit = 0): QuestionReport => ({
  id: q.id,
  verdict,
  score: verdict === 'correct' ? q.points : Math.round(credit * q.points * 1000) / 1000,
  maxScore: q.points,
  answer,
  interpreted: how?.text ?? null,
  feedback,
  interpretedLatex: how?.latex ?? null,
  ...(how ? { notation: how.notation } : {}),
});

/**
 * Grades at every size set of the question when given a PointSource (a PointCache); given
 * points, at those points only (the bank's sizes: for explaining, and tests of one check).
 */
export function gradeAnswer(q: Question, answer: string | undefined, source: PointSource | readonly Point[], definitions?: Definitions): QuestionReport {
  const points = isPoints(source) ? source : source.get(q);
  if (answer === undefined || answer.trim() === '') return report(q, 'unanswered', answer ?? null, null, []);
  let read: Read;
  try {
    read = readAndCompile(q, answer, definitions);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return report(q, 'invalid', answer, null, [e.finding]);
  }
  const { compiled } = read;
  const interpreted: Interpretation = { text: toText(read.node), latex: toLatex(read.node), notation: read.notation };
  const feedback: Finding[] = [...read.notes];
  const ref = q.reference.shape;
  const run = answerRun(q, compiled);
  if (!compiled.zeroLiteral && !sameShape(compiled.shape, ref)) {
    if (isVector(ref) && sameShape(compiled.shape, transposed(ref)))
      feedback.push(finding('ORIENTATION_FORGIVEN', { got: showShape(compiled.shape), expected: showShape(ref) }, undefined, 'info'));
    else {
      const sizes = q.model.scope.sizes;
      feedback.push(
        finding('SHAPE_MISMATCH', {
          got: showShape(compiled.shape),
          gotName: nameShape(compiled.shape, sizes),
          expected: showShape(ref),
          expectedName: nameShape(ref, sizes),
          of: q.quantity,
          hint: sameShape(compiled.shape, transposed(ref)) ? 'transposed' : size(compiled.shape) === 1 ? 'scalar' : undefined,
        }),
      );
      if (sameShape(compiled.shape, transposed(ref)) && isTransposeOfReference(q, run, points)) feedback.push(finding('TRANSPOSED'));
      return keep(report(q, 'incorrect', answer, interpreted, feedback), q, points, definitions);
    }
  }
  const quick = answerRun(q, compiled, true);
  return judgeValues(q, { answer, interpreted, run, quick, points, feedback, read, definitions, others: isPoints(source) ? undefined : source });
}

const isPoints = (x: PointSource | readonly Point[]): x is readonly Point[] => Array.isArray(x);

function isTransposeOfReference(q: Question, run: Compiled['run'], points: readonly Point[]): boolean {
  try {
    return evaluateCases(q, (env) => M.transpose(run(env)), points).every((c) => !c.wrong);
  } catch {
    return false;
  }
}

interface Judged {
  readonly answer: string;
  readonly interpreted: Interpretation;
  readonly run: Compiled['run'];
  /** The same, its value read at once (answerRun's `shared`). */
  readonly quick: Compiled['run'];
  readonly points: readonly Point[];
  readonly feedback: Finding[];
  readonly read: Read;
  readonly definitions: Definitions | undefined;
  /** Where to grade the other size sets (none: the bank's sizes only). */
  readonly others: PointSource | undefined;
}

/**
 * Values at every point, then (if wrong) what the mistake is, or (if right) whether the form is.
 * Most answers are right everywhere: they are checked first with nothing kept per case, and their
 * cases are evaluated (again, the same evaluation) only when something is wrong or the report keeps them.
 */
function judgeValues(q: Question, j: Judged): QuestionReport {
  let excused: number | undefined;
  try {
    excused = new Checker(q, j.quick).excusedPoints(j.points);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return keep(report(q, 'invalid', j.answer, j.interpreted, [...j.feedback, err.finding]), q, j.points, j.definitions);
  }
  if (excused !== undefined && excused <= j.points.length / 2) {
    const r = judgeRight(q, j, excused);
    // An incorrect report keeps the answer's values (item analysis reads them).
    return keep(r, q, j.points, j.definitions, r.verdict === 'correct' ? 'evaluated' : evaluateCases(q, j.run, j.points));
  }
  let cases: Case[];
  try {
    cases = evaluateCases(q, j.run, j.points);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return keep(report(q, 'invalid', j.answer, j.interpreted, [...j.feedback, err.finding]), q, j.points, j.definitions);
  }
  return keep(judgeCases(q, j, cases), q, j.points, j.definitions, cases);
}

function judgeCases(q: Question, j: Judged, cases: Case[]): QuestionReport {
  const total = j.points.length;
  // One pass: cases come point by point, so a point's excused cases are adjacent.
  let excused = 0;
  let wrongCases = 0;
  for (let i = 0, last = -1; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.wrong) wrongCases++;
    if (c.excused && c.point !== last) {
      excused++;
      last = c.point;
    }
  }
  if (wrongCases === 0) {
    // The answer's own form overflows at large points: decided from the others, if enough remain.
    if (excused > total / 2)
      return report(q, 'incorrect', j.answer, j.interpreted, [...j.feedback, finding('NOT_DECIDABLE', { finite: total - excused, total })]);
    return judgeRight(q, j, excused);
  }
  const wrong = cases.filter((c) => c.wrong);
  const undefinedCases = wrong.filter((c) => !M.allFinite(c.got)).length;
  if (undefinedCases > 0) j.feedback.push(finding('NOT_FINITE', { count: undefinedCases }));
  const diagnosis = diagnose(q, cases, j.run);
  const wrongPoints = new Set(wrong.map((c) => c.point)).size;
  j.feedback.push(...diagnosis.findings, finding('VALUE_MISMATCH', { wrong: wrongPoints, total: j.points.length }));
  return report(q, 'incorrect', j.answer, j.interpreted, j.feedback, diagnosis.credit);
}

/** An answer right at every point of the bank's sizes (`excused` of them not counted, at most half): the other size sets, then its form. */
function judgeRight(q: Question, j: Judged, excused: number): QuestionReport {
  const total = j.points.length;
  if (excused > 0) j.feedback.push(finding('GRADED_WHERE_FINITE', { excluded: excused, total }, undefined, 'info'));
  const sized = j.others ? sizeFinding(q, j.answer, j.read, j.others, j.definitions) : undefined;
  if (sized) return report(q, 'incorrect', j.answer, j.interpreted, [...j.feedback, sized]);
  const forbidden = forbiddenFindings(q.forbid, j.read.node, q.model.scope);
  if (forbidden.length) return report(q, 'incorrect', j.answer, j.interpreted, [...j.feedback, ...forbidden], 0);
  const form = q.form ? formFindings(q.form, j.read.node, q.model.scope) : [];
  if (form.length) return report(q, 'incorrect', j.answer, j.interpreted, [...j.feedback, ...form], q.form!.credit);
  return report(q, 'correct', j.answer, j.interpreted, j.feedback);
}
