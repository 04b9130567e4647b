/**
 * core/: the vocabulary every stage shares and nothing else: shapes, findings (core/codes.ts is
 * the one list of codes with their arguments), the error type for bad input with its position,
 * the report types (QuestionReport, SubmissionReport, ItemStats), and every limit on untrusted
 * input (core/limits.ts), "did you mean" by edit distance (core/suggest.ts). Imports nothing of ours
 * (tested); everything else may import it.
 */
export * from './shape.js';
export * from './findings.js';
export * from './report.js';
export * from './unreachable.js';
