/**
 * Gradescope's autograder results.json: a score for the submission and one test per question,
 * each with its name, score, max_score, output and visibility.
 */
import type { SubmissionReport } from '../core/index.js';
import { message } from './messages.js';

export interface GradescopeOptions {
  /** When students see each test (Gradescope: visible, hidden, after_due_date, after_published). */
  readonly visibility?: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
}

export function gradescopeResults(s: SubmissionReport, opts: GradescopeOptions = {}) {
  const visibility = opts.visibility ?? 'visible';
  if (s.error) return { score: 0, output: `Could not read the submission: ${message(s.error)}`, visibility, tests: [] };
  return {
    score: s.score,
    output: `Graded with seed ${s.seed}: ${s.score}/${s.maxScore}.`,
    visibility,
    tests: s.questions.map((q, i) => ({
      name: q.id,
      number: String(i + 1),
      score: q.score,
      max_score: q.maxScore,
      status: q.verdict === 'correct' ? 'passed' : 'failed',
      output: [`${q.verdict}${q.answer ? `: ${q.answer}` : ''}`, ...(q.interpreted && q.interpreted !== q.answer ? [`read as: ${q.interpreted}`] : []), ...q.feedback.map(message)].join('\n'),
      visibility,
    })),
  };
}

export const renderGradescope = (s: SubmissionReport, opts?: GradescopeOptions): string => `${JSON.stringify(gradescopeResults(s, opts), null, 2)}\n`;
