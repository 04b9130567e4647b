/**
 * Every bound the grader puts on untrusted input, in one place (README "Limits" lists them with
 * what a user sees when one is hit). A value here is a reason for a clear message, never a hang.
 */
import { LIMITS as EXPRESSION } from '../expr/limits.js';

export const FILE_LIMITS = Object.freeze({
  /** Bytes read from a submission file (a larger one is that student's error). */
  submissionBytes: 1_000_000,
  /** Lines of a submission file, counted before parsing. */
  submissionLines: 20_000,
  /** Bytes read from a problem file. */
  specBytes: 2_000_000,
  /** YAML nesting depth (flow and block), checked before parsing. */
  yamlDepth: 64,
  /** Aliases expanded in one YAML document ("billion laughs"). */
  yamlAliases: 100,
  /** Entries of a submission's `definitions:` map. */
  definitions: 200,
  /** How deep one definition may use another (a → b → c ...). */
  definitionDepth: 32,
  /** Answers in one submission. */
  answers: 2000,
  /** Characters of a student id or a question id. */
  idLength: 200,
  /** Points of one question (larger values overflow totals). */
  points: 1_000_000,
  /** Values of one index range (a free index is graded at each). */
  indexRange: 10_000,
  /** Scalar operations of one finite-difference proof of a derivative (`grader check`). */
  proofWork: 200_000_000,
  /** Heap of one worker thread of a batch: a file that needs more costs that file only. */
  workerHeapMb: 384,
});

export const LIMITS = Object.freeze({ ...FILE_LIMITS, expression: EXPRESSION });
