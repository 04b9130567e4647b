/**
 * Grades already given in this batch (same points), by question and answer text: in a class,
 * many students hand in the very same string. Answers that use the student's own definitions
 * are not shared (the same text can mean different things). Bounded, so hostile input cannot
 * grow it without end.
 *
 * An answer can also be graded ahead (gradeAhead in submission.ts: a run of submissions,
 * question by question) and its report handed out when its submission asks for it: the first
 * submission to give a text gets the report grading made, the others a copy, as in file order.
 */
import { finding, type QuestionReport } from '../core/index.js';
import type { Question } from '../bank/types.js';
import { gradeAnswer } from './grade.js';
import type { Definitions } from './read.js';
import type { PointCache } from './points.js';

// The memo keeps a copy of each report, which its evaluation (kept beside the original, see
// evaluation.ts, some kilobytes) is not attached to: a batch's memory stays flat.
const MEMO_MAX = 20_000;

/** Reports by question, then by answer text: no key is built per lookup (an answer string keeps its hash). */
type ByQuestion = Map<string, Map<string, QuestionReport>>;

interface Memo {
  readonly byQuestion: ByQuestion;
  size: number;
  /** Reports graded ahead, not handed out yet (at most a run of submissions' worth). */
  readonly ahead: ByQuestion;
}

const memos = new WeakMap<PointCache, Memo>();

function memoOf(points: PointCache): Memo {
  let memo = memos.get(points);
  if (!memo) memos.set(points, (memo = { byQuestion: new Map(), size: 0, ahead: new Map() }));
  return memo;
}

function reportsOf(byQuestion: ByQuestion, id: string): Map<string, QuestionReport> {
  let reports = byQuestion.get(id);
  if (!reports) byQuestion.set(id, (reports = new Map<string, QuestionReport>()));
  return reports;
}

const shareable = (answer: string | undefined, definitions: Definitions | undefined): answer is string =>
  answer !== undefined && (!definitions || definitions.size === 0);

export function gradeOne(q: Question, answer: string | undefined, points: PointCache, definitions?: Definitions): QuestionReport {
  if (!shareable(answer, definitions)) return gradeFresh(q, answer, points, definitions);
  const memo = memoOf(points);
  const ahead = memo.ahead.get(q.id);
  const early = ahead?.get(answer);
  if (early) {
    ahead!.delete(answer);
    return early;
  }
  const reports = reportsOf(memo.byQuestion, q.id);
  const known = reports.get(answer);
  if (known) return known;
  return remember(memo, reports, answer, gradeFresh(q, answer, points, definitions));
}

function remember(memo: Memo, reports: Map<string, QuestionReport>, answer: string, report: QuestionReport): QuestionReport {
  if (memo.size < MEMO_MAX) {
    reports.set(answer, { ...report });
    memo.size++;
  }
  return report;
}

/** Drops what was graded ahead and not handed out (a submission that failed before asking for it). */
export function forgetAhead(points: PointCache): void {
  memos.get(points)?.ahead.clear();
}

/** How many reports graded ahead wait for their submission. */
export function heldAhead(points: PointCache): number {
  let n = 0;
  for (const reports of memos.get(points)?.ahead.values() ?? []) n += reports.size;
  return n;
}

/** Grades now, for gradeOne to hand out later, an answer this batch has not graded yet. */
export function gradeEarly(q: Question, answer: string | undefined, points: PointCache): void {
  if (!shareable(answer, undefined)) return;
  const memo = memoOf(points);
  const ahead = reportsOf(memo.ahead, q.id);
  const reports = reportsOf(memo.byQuestion, q.id);
  if (ahead.has(answer) || reports.has(answer)) return;
  ahead.set(answer, remember(memo, reports, answer, gradeFresh(q, answer, points, undefined)));
}

function gradeFresh(q: Question, answer: string | undefined, points: PointCache, definitions?: Definitions): QuestionReport {
  try {
    return gradeAnswer(q, answer, points, definitions);
  } catch (e) {
    return {
      id: q.id,
      verdict: 'invalid',
      score: 0,
      maxScore: q.points,
      answer: answer ?? null,
      interpreted: null,
      feedback: [finding('INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e).slice(0, 200) })],
    };
  }
}
