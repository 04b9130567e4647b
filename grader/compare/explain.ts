/**
 * `try --explain`: the sample points, the answer's and the reference's values, the error at
 * each, and which check decided. For authors tuning tolerances and students who want to see why.
 */
import { InputError, type ExplainedCase, type Explanation, type QuestionReport } from '../core/index.js';
import type * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { answerRun, evaluateCases } from './cases.js';
import { evaluationOf } from './evaluation.js';
import { readAndCompile, type Definitions } from './read.js';

const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
const flat = (m: M.Mat): number[] => Array.from(m.data, round);

/** The cases of an answer: grading's own when it evaluated them, else evaluated here (a shape it refused, a report made elsewhere). */
function explainCases(q: Question, report: QuestionReport, points: readonly Point[], definitions?: Definitions): ExplainedCase[] {
  try {
    const done = evaluationOf(report);
    const { compiled } = done?.read ?? readAndCompile(q, report.answer!, definitions);
    if (compiled.shape.rows * compiled.shape.cols !== q.reference.shape.rows * q.reference.shape.cols && !compiled.zeroLiteral) return [];
    return (done?.cases ?? evaluateCases(q, answerRun(q, compiled), points)).map((c) => {
      let abs = 0;
      let scale = 0;
      c.got.data.forEach((x, i) => {
        const y = c.expected.data[i]!;
        abs = Math.max(abs, Number.isFinite(x) ? Math.abs(x - y) : Infinity);
        scale = Math.max(scale, Math.abs(y));
      });
      const symbols = Object.fromEntries(q.model.slots.flatMap((s, i) => (s.dist ? [[s.name, flat(c.env[i]!)]] : [])));
      return {
        point: c.point + 1,
        ...(c.free !== undefined ? { free: c.free } : {}),
        symbols,
        got: flat(c.got),
        expected: flat(c.expected),
        absError: round(abs),
        relError: round(scale > 0 ? abs / scale : abs),
        ok: !c.wrong,
      };
    });
  } catch (e) {
    if (e instanceof InputError) return [];
    throw e;
  }
}

/** The report of one answer, with its explanation attached. */
export function explain(q: Question, report: QuestionReport, points: readonly Point[], definitions?: Definitions): QuestionReport {
  const decider = report.feedback.find((f) => f.severity !== 'info');
  const explanation: Explanation = {
    tolerance: q.tolerance,
    decidedBy: decider?.code ?? (report.verdict === 'unanswered' ? 'UNANSWERED' : 'VALUES_AGREE'),
    ...(q.free ? { freeName: q.free.name } : {}),
    cases: report.answer ? explainCases(q, report, points, definitions) : [],
  };
  return { ...report, explanation };
}
