/**
 * What grading computed besides its report, for item analysis and `--explain`: the answer as read
 * and compiled, and its values at every point. Beside each report is kept what makes it (the
 * question, the text, the points, the student's names: alive anyway), and the evaluation is
 * computed again on first use, the same evaluation grading made. Keeping every answer's tree,
 * closures and cases until its report was dropped made them outlive the young generation: half
 * a batch's garbage collection. An incorrect answer also keeps its values as one vector, which is
 * all item analysis reads.
 */
import type { QuestionReport } from '../core/index.js';
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { answerRun, evaluateCases, type Case } from './cases.js';
import { readAndCompile, type Definitions, type Read } from './read.js';

export interface Evaluation {
  readonly read: Read;
  /** Its values at every point, when grading evaluated them (not for a shape refused, or an evaluation that failed). */
  readonly cases?: readonly Case[];
}

interface Kept {
  readonly q: Question;
  readonly answer: string;
  readonly points: readonly Point[];
  readonly definitions: Definitions | undefined;
  readonly evaluated: boolean;
  readonly values: M.Mat | undefined;
  done?: Evaluation;
}

// Beside each report, not in it: reports stay plain data (JSON).
const kept = new WeakMap<QuestionReport, Kept>();

/** The answer's values at every case, as one vector: each case's row count, then its entries. */
export function valuesOf(cases: readonly Case[]): M.Mat {
  let n = 0;
  for (const c of cases) n += 1 + c.got.data.length;
  const out = new Float64Array(n);
  let i = 0;
  for (const c of cases) {
    out[i++] = c.got.rows;
    out.set(c.got.data, i);
    i += c.got.data.length;
  }
  return M.mat(n, 1, out);
}

/**
 * Notes how `r` was made by gradeAnswer; `cases` when it evaluated the answer at `points`
 * ('evaluated' when it did and kept none: a correct answer, whose values nothing reads).
 */
export function keep(
  r: QuestionReport,
  q: Question,
  points: readonly Point[],
  definitions: Definitions | undefined,
  cases?: readonly Case[] | 'evaluated',
): QuestionReport {
  const values = r.verdict === 'incorrect' && cases && cases !== 'evaluated' ? valuesOf(cases) : undefined;
  kept.set(r, { q, answer: r.answer!, points, definitions, evaluated: cases !== undefined, values });
  return r;
}

/** The evaluation behind a report made by gradeAnswer (none for an unanswered or unreadable answer). */
export function evaluationOf(r: QuestionReport): Evaluation | undefined {
  const k = kept.get(r);
  if (!k) return undefined;
  if (!k.done) {
    // Grading read and evaluated these very inputs without an error: so does this.
    const read = readAndCompile(k.q, k.answer, k.definitions);
    k.done = k.evaluated ? { read, cases: evaluateCases(k.q, answerRun(k.q, read.compiled), k.points) } : { read };
  }
  return k.done;
}

/** An incorrect answer's values at every point of the bank's sizes (valuesOf), as grading found them. */
export const valuesKept = (r: QuestionReport): M.Mat | undefined => kept.get(r)?.values;
