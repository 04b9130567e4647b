/**
 * A gradebook: one row per student, a column per question, a total. RFC 4180 quoting; cells that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'`,
 * because student ids are untrusted text.
 */
import type { SubmissionReport } from '../core/index.js';

const FORMULA = /^[=+\-@\t\r]/;

/** `quote: true` quotes every cell (Blackboard requires it of comma-delimited files). */
export function csvCell(value: string | number | null | undefined, quote = false): string {
  if (value === null || value === undefined) return quote ? '""' : '';
  if (typeof value === 'number') return quote ? `"${value}"` : String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return quote || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line, with a column per question id (a streamed gradebook knows them up front). */
export const csvHeader = (ids: readonly string[]): string => `${['student', 'file', ...ids, 'total', 'max', 'error'].map((v) => csvCell(v)).join(',')}\r\n`;

/** One student's line. */
export function csvRow(s: SubmissionReport, ids: readonly string[]): string {
  const scores = new Map(s.questions.map((q) => [q.id, q.score]));
  // A write-up where nothing was found is graded (0), but says so where a grader looks for trouble.
  const note = s.error?.code ?? s.warnings?.find((w) => w.code === 'DOC_NO_ANSWERS')?.code ?? null;
  const row = [s.student, s.file, ...ids.map((id) => scores.get(id) ?? null), s.error ? null : s.score, s.error ? null : s.maxScore, note];
  return `${row.map((v) => csvCell(v)).join(',')}\r\n`;
}

export function renderCsv(submissions: readonly SubmissionReport[]): string {
  const ids = [...new Set(submissions.flatMap((s) => s.questions.map((q) => q.id)))];
  return csvHeader(ids) + submissions.map((s) => csvRow(s, ids)).join('');
}
