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
  /** With `try --explain`: the points, both values and the error at each, and which check decided. */
  readonly explanation?: Explanation;
  /** For a write-up: where the answer was found (null when it was not). */
  readonly located?: { readonly line: number; readonly label: string } | null;
  /** For a write-up: each side of the derivation that ends in the answer, checked. */
  readonly steps?: readonly StepReport[];
  /** For a write-up: the index in `steps` of the first `differs`, or null. */
  readonly firstWrongStep?: number | null;
  /** For a write-up: the student's own definitions the reading used. */
  readonly definitions?: readonly { readonly latex: string; readonly line: number }[];
  /** For a write-up: why the first wrong step is wrong (a sign flipped, a term lost), as findings. */
  readonly stepFeedback?: readonly Finding[];
}

/** One side of an `=` in a write-up's derivation, compared with the previous side of its chain. */
export type StepCheck = 'start' | 'equal' | 'differs' | 'unchecked';

export interface StepReport {
  readonly latex: string;
  readonly line: number;
  readonly chain: number;
  readonly check: StepCheck;
  /** Why it is unchecked (the finding's words are rendered by the report). */
  readonly reason?: Finding;
}

export interface ExplainedCase {
  readonly point: number;
  readonly free?: number;
  /** The drawn symbols at this point, flattened row by row. */
  readonly symbols: Readonly<Record<string, readonly number[]>>;
  readonly got: readonly number[];
  readonly expected: readonly number[];
  /** Largest |got - expected| over the entries. */
  readonly absError: number;
  /** That, relative to the largest |expected|. */
  readonly relError: number;
  readonly ok: boolean;
}

export interface Explanation {
  readonly tolerance: { readonly rel: number; readonly abs: number };
  /** The code of the check that decided the verdict (VALUES_AGREE when all points agree). */
  readonly decidedBy: string;
  /** The name of the free index, when the question has one. */
  readonly freeName?: string;
  readonly cases: readonly ExplainedCase[];
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
  /** Totals per problem set (an extension). */
  readonly sets?: readonly SetTotal[];
  /** `document` for a write-up (.md, .tex, .ipynb); absent for a YAML submission. */
  readonly kind?: 'document';
  /** For a write-up: the set it answers, and how that was decided. */
  readonly set?: string;
  readonly setReason?: string;
}

export interface SetTotal {
  readonly set: string;
  readonly score: number;
  readonly maxScore: number;
}

export interface BatchReport {
  readonly submissions: readonly SubmissionReport[];
}

/** A group of wrong answers equal in value at every sample point, whatever their spelling. */
export interface WrongGroup {
  readonly count: number;
  readonly share: number;
  /** The most common spelling in the group. */
  readonly answer: string;
  readonly spellings: number;
  readonly feedback: readonly Finding[];
}

/** Item analysis of one question (compare/items.ts makes it; report/ renders it). */
export interface ItemStats {
  readonly id: string;
  readonly title: string;
  readonly submissions: number;
  readonly counts: Readonly<Record<Verdict, number>>;
  readonly shares: Readonly<Record<Verdict, number>>;
  readonly meanScore: number;
  readonly wrong: readonly WrongGroup[];
}
