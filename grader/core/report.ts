import type { Finding } from './findings.js';

/** What a graded answer is. `invalid` (could not be read) is never `incorrect` (read, wrong). */
export type Verdict = 'correct' | 'incorrect' | 'invalid' | 'unanswered';
export const VERDICTS: readonly Verdict[] = ['correct', 'incorrect', 'invalid', 'unanswered'];

export interface QuestionReport {
  readonly id: string;
  readonly verdict: Verdict;
  readonly score: number;
  readonly maxScore: number;
  /** The student's text, as handed in; null when unanswered. */
  readonly answer: string | null;
  /** How the answer was read, in mathjs syntax; null when it could not be read. */
  readonly interpreted: string | null;
  readonly feedback: readonly Finding[];
  /** How the answer was read, as LaTeX rendered back from the tree (an extension). */
  readonly interpretedLatex?: string | null;
  /** The notation the answer was recognised as (an extension). */
  readonly notation?: 'mathjs' | 'latex';
}

export interface SubmissionReport {
  readonly file: string;
  readonly student: string | null;
  readonly score: number;
  readonly maxScore: number;
  readonly seed: number;
  /** Why the file could not be read, or null. */
  readonly error: Finding | null;
  readonly questions: readonly QuestionReport[];
  /** Answers to ids the bank does not have: reported, never fatal. */
  readonly unknownAnswers?: readonly string[];
  /** Findings about the file rather than one answer (e.g. unknown question ids). */
  readonly warnings?: readonly Finding[];
}

export interface BatchReport {
  readonly submissions: readonly SubmissionReport[];
}
