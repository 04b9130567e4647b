/**
 * One submission × the bank → SubmissionReport. Each answer is graded in isolation: a bug or a
 * hostile answer costs that answer its grade, never another's.
 */
import { finding, type QuestionReport, type SubmissionReport } from '../core/index.js';
import { suggest } from '../expr/compile/suggest.js';
import type { Loaded } from '../submission/load.js';
import type { Bank, Question } from '../bank/types.js';
import { gradeAnswer } from './grade.js';
import type { Definitions } from './read.js';
import type { PointCache } from './points.js';

/** The questions a submission is graded on: every set it answers a question of (all, if none). */
export function questionsFor(bank: Bank, answered: Iterable<string>): Question[] {
  const ids = new Set(answered);
  const touched = bank.sets.filter((s) => s.questions.some((q) => ids.has(q.id)));
  return (touched.length ? touched : bank.sets).flatMap((s) => s.questions);
}

/**
 * Grades already given in this batch (same points), by question and answer text: in a class,
 * many students hand in the very same string. Answers that use the student's own definitions
 * are not shared (the same text can mean different things). Bounded, so hostile input cannot
 * grow it without end.
 */
const memos = new WeakMap<PointCache, Map<string, QuestionReport>>();
const MEMO_MAX = 50_000;

export function gradeOne(q: Question, answer: string | undefined, points: PointCache, definitions?: Definitions): QuestionReport {
  const shareable = answer !== undefined && (!definitions || definitions.size === 0);
  let memo = memos.get(points);
  if (!memo) memos.set(points, (memo = new Map()));
  const key = `${q.id}\u0000${answer}`;
  const known = shareable ? memo.get(key) : undefined;
  if (known) return known;
  const report = gradeFresh(q, answer, points, definitions);
  if (shareable && memo.size < MEMO_MAX) memo.set(key, report);
  return report;
}

function gradeFresh(q: Question, answer: string | undefined, points: PointCache, definitions?: Definitions): QuestionReport {
  try {
    return gradeAnswer(q, answer, points, definitions);
  } catch (e) {
    return { id: q.id, verdict: 'invalid', score: 0, maxScore: q.points, answer: answer ?? null, interpreted: null, feedback: [finding('INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e).slice(0, 200) })] };
  }
}

/** Scores add up to 3 decimals, so that partial credits (0.3 of 3 points) print as they are. */
const totals = (rs: readonly QuestionReport[]) => ({
  score: Math.round(rs.reduce((s, r) => s + r.score, 0) * 1000) / 1000,
  maxScore: Math.round(rs.reduce((s, r) => s + r.maxScore, 0) * 1000) / 1000,
});

export function gradeSubmission(bank: Bank, loaded: Loaded, points: PointCache): SubmissionReport {
  if (!loaded.ok)
    return { file: loaded.file, student: loaded.student, score: 0, maxScore: 0, seed: points.seed, error: loaded.error, questions: [] };
  const { submission } = loaded;
  const questions = questionsFor(bank, submission.answers.keys());
  const known = new Set(bank.sets.flatMap((s) => s.questions.map((q) => q.id)));
  const reports = questions.map((q) => gradeOne(q, submission.answers.get(q.id) ?? undefined, points, submission.definitions));
  const unknown = [...submission.answers.keys()].filter((id) => !known.has(id));
  return {
    file: submission.file,
    student: submission.student,
    ...totals(reports),
    seed: points.seed,
    error: null,
    questions: reports,
    sets: [...new Set(questions.map((q) => q.set))].map((set) => ({ set, ...totals(reports.filter((_, i) => questions[i]!.set === set)) })),
    ...(unknown.length
      ? { unknownAnswers: unknown, warnings: unknown.map((id) => finding('UNKNOWN_QUESTION', { id, suggestions: suggest(id, known) }, { ...submission.answerAt.get(id), file: submission.file }, 'warning')) }
      : {}),
  };
}
