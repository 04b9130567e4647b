/**
 * Grading one answer is an ordered list of checks, each able to stop with its reason:
 * read → allow-list and names → shape → values. `invalid` (unreadable) is never `incorrect`.
 */
import { finding, InputError, isVector, nameShape, showShape, size, transposed, sameShape, type Finding, type QuestionReport, type Verdict } from '../core/index.js';
import { toLatex, toText, type Compiled } from '../expr/index.js';
import { readAndCompile, type Definitions, type Read } from './read.js';
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../spec/types.js';
import { mismatch } from './tolerance.js';

/** How an answer was read, for the report: mathjs text, LaTeX, notation. */
export interface Interpretation {
  readonly text: string;
  readonly latex: string;
  readonly notation: 'mathjs' | 'latex';
}

const report = (q: Question, verdict: Verdict, answer: string | null, how: Interpretation | null, feedback: Finding[]): QuestionReport => ({
  id: q.id,
  verdict,
  score: verdict === 'correct' ? q.points : 0,
  maxScore: q.points,
  answer,
  interpreted: how?.text ?? null,
  feedback,
  interpretedLatex: how?.latex ?? null,
  ...(how ? { notation: how.notation } : {}),
});

/** What the question asks for, to speak of shapes in its own terms ("dJ/dU"). */
export const quantity = (q: Question): string => (q.derivative ? `the derivative with respect to ${q.derivative.wrtText}` : 'the expected answer');

export function gradeAnswer(q: Question, answer: string | undefined, points: readonly Point[], definitions?: Definitions): QuestionReport {
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
  let run = compiled.run;
  if (compiled.zeroLiteral) {
    const zero = M.zeros(ref.rows, ref.cols);
    run = () => zero;
  } else if (!sameShape(compiled.shape, ref)) {
    if (isVector(ref) && sameShape(compiled.shape, transposed(ref))) feedback.push(finding('ORIENTATION_FORGIVEN', { got: showShape(compiled.shape), expected: showShape(ref) }, undefined, 'info'));
    else {
      const sizes = q.model.scope.sizes;
      feedback.push(
        finding('SHAPE_MISMATCH', {
          got: showShape(compiled.shape),
          gotName: nameShape(compiled.shape, sizes),
          expected: showShape(ref),
          expectedName: nameShape(ref, sizes),
          of: quantity(q),
          hint: sameShape(compiled.shape, transposed(ref)) ? 'transposed' : size(compiled.shape) === 1 ? 'scalar' : undefined,
        }),
      );
      return report(q, 'incorrect', answer, interpreted, feedback);
    }
  }
  return judgeValues(q, answer, interpreted, run, points, feedback);
}

function judgeValues(q: Question, answer: string, interpreted: Interpretation, run: Compiled['run'], points: readonly Point[], feedback: Finding[]): QuestionReport {
  let wrongPoints = 0;
  let undefinedPoints = 0;
  let wrongEnvs = 0;
  let envCount = 0;
  for (const p of points) {
    let pointWrong = false;
    for (let e = 0; e < p.envs.length; e++) {
      const env = p.envs[e]!.slice();
      let got: M.Mat;
      try {
        got = run(env);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return report(q, 'invalid', answer, interpreted, [...feedback, err.finding]);
      }
      const expected = q.reference.run(p.envs[e]!.slice());
      if (!M.allFinite(got)) undefinedPoints++;
      envCount++;
      if (mismatch(got, expected, q.tolerance)) {
        pointWrong = true;
        wrongEnvs++;
      }
    }
    if (pointWrong) wrongPoints++;
  }
  if (wrongPoints === 0) return report(q, 'correct', answer, interpreted, feedback);
  if (undefinedPoints > 0) feedback.push(finding('NOT_FINITE', { count: undefinedPoints }));
  if (q.free && wrongEnvs < envCount) feedback.push(finding('WRONG_FOR_SOME_INDEX', { index: q.free.name, wrong: wrongEnvs, total: envCount }));
  feedback.push(finding('VALUE_MISMATCH', { wrong: wrongPoints, total: points.length }));
  return report(q, 'incorrect', answer, interpreted, feedback);
}
