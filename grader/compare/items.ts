/**
 * Item analysis for instructors: per question, the share correct, incorrect, invalid and
 * unanswered, and the most common wrong answers grouped by value (answers equal at every sample
 * point are one group, whatever their spelling), each with a representative and its diagnosis.
 */
import { InputError, type ItemStats, type QuestionReport, type Verdict } from '../core/index.js';
import type * as M from '../linalg/mat.js';
import type { Question } from '../bank/types.js';
import { answerRun, evaluateCases } from './cases.js';
import { evaluationOf, valuesKept, valuesOf } from './evaluation.js';
import type { PointCache } from './points.js';
import { readAndCompile, type Definitions } from './read.js';
import { mismatch } from './tolerance.js';

// The result's shape lives in core, so that report/ renders it without importing compare/.
export type { ItemStats, WrongGroup } from '../core/index.js';

/** One graded answer, with the student's own names it may use. */
export interface GradedAnswer {
  readonly report: QuestionReport;
  readonly definitions?: Definitions;
}

/**
 * The answer's values at every point, as one vector, with its shape; undefined if it cannot be
 * evaluated. Grading's own values are reused (kept for every incorrect answer); an answer is read
 * again only for a report that did not come from gradeAnswer.
 */
function signature(q: Question, a: GradedAnswer, points: PointCache): M.Mat | undefined {
  const values = valuesKept(a.report);
  if (values) return values;
  try {
    const done = evaluationOf(a.report);
    const compiled = done?.read.compiled ?? readAndCompile(q, a.report.answer!, a.definitions).compiled;
    return valuesOf(done?.cases ?? evaluateCases(q, answerRun(q, compiled), points.get(q)));
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

export function analyseItem(q: Question, answers: readonly GradedAnswer[], points: PointCache, top = 5): ItemStats {
  const counts: Record<Verdict, number> = { correct: 0, incorrect: 0, invalid: 0, unanswered: 0 };
  for (const a of answers) counts[a.report.verdict]++;
  const n = Math.max(1, answers.length);
  const groups: { sig?: M.Mat; members: Map<string, GradedAnswer[]> }[] = [];
  const bySpelling = new Map<string, GradedAnswer[]>();
  for (const a of answers) if (a.report.verdict === 'incorrect') bySpelling.set(a.report.answer!, [...(bySpelling.get(a.report.answer!) ?? []), a]);
  for (const [text, same] of bySpelling) {
    const sig = signature(q, same[0]!, points);
    const home = groups.find((g) => (g.sig && sig ? g.sig.data.length === sig.data.length && !mismatch(sig, g.sig, q.tolerance) : false));
    if (home) home.members.set(text, same);
    else groups.push({ ...(sig ? { sig } : {}), members: new Map([[text, same]]) });
  }
  const wrong = groups
    .map((g) => {
      const spellings = [...g.members].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
      const count = spellings.reduce((s, [, m]) => s + m.length, 0);
      const rep = spellings[0]![1][0]!.report;
      return { count, share: count / n, answer: spellings[0]![0], spellings: spellings.length, feedback: rep.feedback };
    })
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
    .slice(0, top);
  const shares = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) as Record<Verdict, number>;
  const meanScore = answers.reduce((s, a) => s + a.report.score, 0) / n;
  return { id: q.id, title: q.title, submissions: answers.length, counts, shares, meanScore, wrong };
}
