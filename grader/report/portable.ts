/**
 * Submissions rendered on another thread. A batch's worker threads render each submission in the
 * run's format themselves and hand the main thread its text and the one fact the run's tail
 * counts, instead of the report: copying a report between threads cost more than rendering it,
 * and the main thread, which writes every byte, no longer renders them all. Only formats whose
 * text for a submission depends on nothing but the submission, its index and plain settings are
 * portable (text, JSON, CSV with its columns); HTML and the gradebooks keep reports for their tail.
 */
import type { SubmissionReport } from '../core/index.js';
import { csvRow } from './csv.js';
import { escapeControls } from './escape.js';
import { jsonSubmissionInList } from './json.js';
import { renderSubmission } from './terminal.js';

/** What a thread needs to render as the run's renderer would: plain data, sent once to each worker. */
export type Portable =
  { readonly format: 'text'; readonly colour: 0 | 1 | 2 | 3 } | { readonly format: 'json' } | { readonly format: 'csv'; readonly columns: readonly string[] };

/** A submission rendered elsewhere: its text, and whether it could not be graded (the summary counts those). */
export interface Rendered {
  readonly text: string;
  readonly failed: boolean;
}

export const isRendered = (s: SubmissionReport | Rendered): s is Rendered => 'text' in s && typeof s.text === 'string';

export const textSubmission = (s: SubmissionReport, i: number): string => `${i > 0 ? '\n\n' : ''}${renderSubmission(s)}`;

export const jsonListItem = (s: SubmissionReport, i: number): string => `${i > 0 ? ',\n' : ''}${jsonSubmissionInList(s)}`;

/** A gradebook row; ids and paths are shown in a terminal too (`cat grades.csv`): no control characters. */
export const csvSubmission = (s: SubmissionReport, columns: readonly string[]): string =>
  csvRow({ ...s, student: s.student === null ? null : escapeControls(s.student), file: escapeControls(s.file) }, columns);

/** The i-th submission as the run's renderer writes it (the colour level is the thread's, set once). */
export function renderPortable(p: Portable, s: SubmissionReport, i: number): Rendered {
  const failed = s.error !== null;
  switch (p.format) {
    case 'text':
      return { text: textSubmission(s, i), failed };
    case 'json':
      return { text: jsonListItem(s, i), failed };
    case 'csv':
      return { text: csvSubmission(s, p.columns), failed };
  }
}
