/**
 * The JSON contract other tools read:
 * {"submissions":[{"file","student","score","maxScore","seed","error","questions":[{"id","verdict",
 * "score","maxScore","answer","interpreted","feedback":[...]}]}]}. Extend it; never rename.
 * Each finding keeps its code and arguments, with its message in words beside them.
 */
import type { BatchReport, Finding, QuestionReport, SubmissionReport } from '../core/index.js';
import { message, stepMessage } from './messages.js';

export interface JsonFinding {
  readonly code: string;
  readonly message: string;
  readonly args: Finding['args'];
  readonly severity: string;
  readonly at?: Finding['at'];
}

export const jsonFinding = (f: Finding): JsonFinding => ({
  code: f.code,
  message: message(f),
  args: f.args,
  severity: f.severity ?? 'error',
  ...(f.at ? { at: f.at } : {}),
});

export const jsonQuestion = (q: QuestionReport) => ({
  id: q.id,
  verdict: q.verdict,
  score: q.score,
  maxScore: q.maxScore,
  answer: q.answer,
  interpreted: q.interpreted,
  feedback: q.feedback.map(jsonFinding),
  interpretedLatex: q.interpretedLatex ?? null,
  ...(q.notation ? { notation: q.notation } : {}),
  ...(q.explanation ? { explanation: q.explanation } : {}),
  ...(q.steps ? jsonWriteup(q) : {}),
});

/** A finding about a step: its words compare the side with the one before it. */
const jsonStepFinding = (f: Finding): JsonFinding => ({ ...jsonFinding(f), message: stepMessage(f) });

/** A write-up's fields (../shared/document-contract.md); absent for YAML submissions, whose output is unchanged. */
const jsonWriteup = (q: QuestionReport) => ({
  located: q.located ?? null,
  steps: (q.steps ?? []).map((s) => ({ latex: s.latex, line: s.line, chain: s.chain, check: s.check, ...(s.reason ? { reason: message(s.reason) } : {}) })),
  firstWrongStep: q.firstWrongStep ?? null,
  definitions: q.definitions ?? [],
  ...(q.stepFeedback ? { stepFeedback: q.stepFeedback.map(jsonStepFinding) } : {}),
});

export const jsonSubmission = (s: SubmissionReport) => ({
  ...(s.kind ? { kind: s.kind, set: s.set, setReason: s.setReason } : {}),
  file: s.file,
  student: s.student,
  score: s.score,
  maxScore: s.maxScore,
  seed: s.seed,
  error: s.error ? jsonFinding(s.error) : null,
  questions: s.questions.map(jsonQuestion),
  ...(s.unknownAnswers ? { unknownAnswers: s.unknownAnswers } : {}),
  ...(s.warnings ? { warnings: s.warnings.map(jsonFinding) } : {}),
  ...(s.sets ? { sets: s.sets } : {}),
});

/** Where a submission's object starts and ends in `{"submissions": [<it>]}` pretty-printed (indented 4). */
const LIST_HEAD = '{\n  "submissions": [\n'.length;
const LIST_TAIL = '\n  ]\n}'.length;

/**
 * One submission as it stands in the batch's list, indented by 4: printed inside the list, where
 * JSON.stringify indents it itself, rather than printed alone and indented again by a regex over every line.
 */
export function jsonSubmissionInList(s: SubmissionReport): string {
  const text = JSON.stringify({ submissions: [jsonSubmission(s)] }, null, 2);
  return text.slice(LIST_HEAD, text.length - LIST_TAIL);
}

export const renderJson = (batch: BatchReport): string => `${JSON.stringify({ submissions: batch.submissions.map(jsonSubmission) }, null, 2)}\n`;
export const renderQuestionJson = (q: QuestionReport): string => `${JSON.stringify(jsonQuestion(q), null, 2)}\n`;
