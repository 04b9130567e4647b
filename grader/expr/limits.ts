/** Bounds on untrusted expressions: every one is a reason for `invalid`, never a hang. */
export const LIMITS = Object.freeze({
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
