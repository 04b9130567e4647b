/**
 * core/: the vocabulary every stage shares and nothing else: shapes, findings (core/codes.ts is
 * the one list of codes with their arguments), the error type for bad input with its position,
 * and the report types (QuestionReport, SubmissionReport, ItemStats). Imports nothing of ours
 * (tested); everything else may import it.
 */
export * from './shape.js';
export * from './findings.js';
export * from './report.js';
export * from './unreachable.js';
