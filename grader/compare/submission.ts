/**
 * One submission × the bank → SubmissionReport. Each answer is graded in isolation: a bug or a
 * hostile answer costs that answer its grade, never another's.
 */
import { finding, type Finding, type QuestionReport, type SubmissionReport } from '../core/index.js';
import { suggest } from '../core/suggest.js';
import type { Loaded, Submission } from '../submission/load.js';
import type { Bank, Question } from '../bank/types.js';
import type { PointCache } from './points.js';
import { forgetAhead, gradeEarly, gradeOne } from './memo.js';

export { gradeOne } from './memo.js';

/** The questions a submission is graded on: every set it answers a question of (all, if none). */
export function questionsFor(bank: Bank, answered: Iterable<string>): Question[] {
  const ids = new Set(answered);
  const touched = bank.sets.filter((s) => s.questions.some((q) => ids.has(q.id)));
  return (touched.length ? touched : bank.sets).flatMap((s) => s.questions);
}

/**
 * Near ids, and every id of that name in another set (`naive-softmax-grad-vc` → `cs224n-a2/naive-softmax-grad-vc`).
 * An id written without its set is compared with the questions' names (`naive-sotmax-loss` → `cs224n-a2/naive-softmax-loss`).
 */
export const suggestIds = (id: string, known: ReadonlySet<string>): string[] => {
  const name = id.split('/').pop()!;
  const same = [...known].filter((k) => k !== id && k.endsWith(`/${name}`));
  if (same.length) return same;
  if (id.includes('/')) return suggest(id, known);
  // Nearest name first, as suggest orders them.
  return suggest(
    id,
    [...known].map((k) => k.split('/').pop()!),
  )
    .flatMap((near) => [...known].filter((k) => k.endsWith(`/${near}`)))
    .slice(0, 3);
};

/** Scores add up to 3 decimals, so that partial credits (0.3 of 3 points) print as they are. */
export const totals = (rs: readonly QuestionReport[]) => ({
  score: Math.round(rs.reduce((s, r) => s + r.score, 0) * 1000) / 1000,
  maxScore: Math.round(rs.reduce((s, r) => s + r.maxScore, 0) * 1000) / 1000,
});

/**
 * Answer ids without their set (`naive-softmax-grad-vc`): resolved by the file's `set:` key, or
 * by the one question of that name in the bank (with a warning that says so); others stay as written.
 */
const knownOf = new WeakMap<Bank, ReadonlySet<string>>();

/** Every question id of the bank (a bank is never changed once loaded: made once, not per submission). */
function knownIds(bank: Bank): ReadonlySet<string> {
  let known = knownOf.get(bank);
  if (!known) knownOf.set(bank, (known = new Set(bank.sets.flatMap((s) => s.questions.map((q) => q.id)))));
  return known;
}

export function resolveIds(bank: Bank, submission: Submission): { submission: Submission; warnings: Finding[] } {
  const known = knownIds(bank);
  const warnings: Finding[] = [];
  const answers = new Map<string, string | null>();
  const answerAt = new Map(submission.answerAt);
  for (const [id, answer] of submission.answers) {
    let resolved = id;
    if (!known.has(id) && !id.includes('/')) {
      const bySet = submission.set !== undefined && known.has(`${submission.set}/${id}`) ? `${submission.set}/${id}` : undefined;
      const matches = [...known].filter((k) => k.endsWith(`/${id}`) && k.split('/').length === 2);
      resolved = bySet ?? (matches.length === 1 ? matches[0]! : id);
      if (resolved !== id && !bySet)
        warnings.push(finding('QUESTION_ID_RESOLVED', { id, resolved, by: 'unique' }, { ...submission.answerAt.get(id), file: submission.file }, 'warning'));
    }
    if (answers.has(resolved)) resolved = id; // both spellings given: keep both as written
    answers.set(resolved, answer);
    if (resolved !== id) answerAt.set(resolved, submission.answerAt.get(id) ?? {});
  }
  return { submission: { ...submission, answers, answerAt }, warnings };
}

/** A submission ready to grade: its ids resolved, and the questions it is graded on. */
interface Plan {
  readonly bank: Bank;
  readonly submission: Submission;
  readonly assumed: readonly Finding[];
  readonly questions: readonly Question[];
}

// Planned once per submission, by gradeAhead or else by gradeSubmission.
const plans = new WeakMap<Submission, Plan>();

function planOf(bank: Bank, read: Submission): Plan {
  let plan = plans.get(read);
  if (plan?.bank === bank) return plan;
  const { submission, warnings } = resolveIds(bank, read);
  plan = { bank, submission, assumed: [...(submission.warnings ?? []), ...warnings], questions: questionsFor(bank, submission.answers.keys()) };
  plans.set(read, plan);
  return plan;
}

/**
 * Grades the answers of a run of submissions question by question, ahead of gradeSubmission,
 * which then hands out what was graded here: the same reports as grading file by file, in about
 * two thirds of the time (a warm process going from question to question with every answer
 * re-learns each question's code and data; see README, Performance). A submission that fails
 * here is left to gradeSubmission, whose errors are that file's alone.
 */
export function gradeAhead(bank: Bank, loaded: readonly Loaded[], points: PointCache): void {
  forgetAhead(points);
  const byQuestion = new Map<Question, string[]>();
  for (const l of loaded) {
    if (!l.ok || (l.submission.definitions && l.submission.definitions.size > 0)) continue;
    let plan: Plan;
    try {
      plan = planOf(bank, l.submission);
    } catch {
      continue;
    }
    for (const q of plan.questions) {
      const answer = plan.submission.answers.get(q.id);
      if (typeof answer !== 'string') continue;
      let answers = byQuestion.get(q);
      if (!answers) byQuestion.set(q, (answers = []));
      answers.push(answer);
    }
  }
  for (const [q, answers] of byQuestion) for (const answer of answers) gradeEarly(q, answer, points);
}

export function gradeSubmission(bank: Bank, loaded: Loaded, points: PointCache): SubmissionReport {
  if (!loaded.ok) return { file: loaded.file, student: loaded.student, score: 0, maxScore: 0, seed: points.seed, error: loaded.error, questions: [] };
  const { submission, assumed, questions } = planOf(bank, loaded.submission);
  const known = knownIds(bank);
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
    ...(unknown.length ? { unknownAnswers: unknown } : {}),
    ...(unknown.length || assumed.length
      ? {
          warnings: [
            ...assumed,
            ...unknown.map((id) =>
              finding('UNKNOWN_QUESTION', { id, suggestions: suggestIds(id, known) }, { ...submission.answerAt.get(id), file: submission.file }, 'warning'),
            ),
          ],
        }
      : {}),
  };
}
