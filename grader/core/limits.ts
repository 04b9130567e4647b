/**
 * Every bound the grader puts on untrusted input, in one place (in core/, so that every layer may
 * read it; README "Limits" says what a user sees when one is hit). A value here is a reason for a
 * clear message, never a hang.
 */

/** Bounds on untrusted expressions: every one is a reason for `invalid`, never a hang. */
export const EXPRESSION_LIMITS = Object.freeze({
  /** Characters in one answer. */
  maxLength: 2000,
  /** Bracket nesting depth (also bounds recursion in the parsers). */
  maxDepth: 40,
  /** Nodes in one parsed tree. */
  maxNodes: 400,
  /** Terms in one indexed sum. */
  maxSumRange: 1000,
  /** Scalar operations in one evaluation, estimated at compile time. */
  maxWork: 2_000_000,
  /** Entries in any matrix an expression may build. */
  maxEntries: 100_000,
});

export const FILE_LIMITS = Object.freeze({
  /** Bytes read from a submission file (a larger one is that student's error). */
  submissionBytes: 1_000_000,
  /** Lines of a submission file, counted before parsing. */
  submissionLines: 20_000,
  /** Bytes read from a write-up (.md, .tex, .ipynb). */
  documentBytes: 2_000_000,
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

export const LIMITS = Object.freeze({ ...FILE_LIMITS, expression: EXPRESSION_LIMITS });
