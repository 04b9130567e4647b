/**
 * Reading and grading a batch's files run by run: a run's submissions are read together and their
 * answers graded question by question ahead of the submissions (compare/submission.ts gradeAhead),
 * which is faster than student by student and gives the same reports (README, Performance).
 */
import type { SubmissionReport } from '../core/index.js';
import type { PointCache } from '../compare/points.js';
import { gradeAhead, gradeSubmission } from '../compare/submission.js';
import type { Bank } from '../bank/types.js';
import { readSubmission, type Loaded } from '../submission/load.js';
import type { LocatedDocument } from '../document/types.js';
import { gradeDocumentFile, isDocumentFile } from './document.js';

/**
 * Files read and graded ahead together, question by question (compare/submission.ts gradeAhead):
 * at most RUN_FILES, and no more once their answers come to RUN_CHARS characters.
 */
export const RUN_FILES = 128;
export const RUN_CHARS = 4_000_000;

/** A file read before grading (to know which sets to build): a submission, or a write-up located. */
export type Preread = Loaded | LocatedDocument;

/** Grades one file; `pre`, when it was already read. */
export const gradeFile = (bank: Bank, file: string, points: PointCache, set?: string, pre?: Preread): SubmissionReport =>
  isDocumentFile(file)
    ? gradeDocumentFile(bank, file, points, set, pre && !('ok' in pre) ? pre : undefined)
    : gradeSubmission(bank, pre && 'ok' in pre ? pre : readSubmission(file), points);

const isLoaded = (p: Preread | undefined): p is Loaded => p !== undefined && 'ok' in p;

/**
 * Reads the run of files from files[start] (RUN_FILES at most; a write-up is read when graded)
 * and grades its submissions' answers ahead: each one's Preread, for gradeFile. `read`: files
 * read already, each used once.
 */
export function prepareRun(bank: Bank, files: readonly string[], start: number, points: PointCache, read?: Map<string, Preread>): (Preread | undefined)[] {
  const run: (Preread | undefined)[] = [];
  let chars = 0;
  for (let i = start; i < files.length && run.length < RUN_FILES && chars < RUN_CHARS; i++) {
    const file = files[i]!;
    let pre = read?.get(file);
    read?.delete(file); // a file named twice is read again, as it always was
    if (!pre && !isDocumentFile(file)) pre = readSubmission(file);
    if (isLoaded(pre) && pre.ok) for (const a of pre.submission.answers.values()) chars += a?.length ?? 0;
    run.push(pre);
  }
  gradeAhead(bank, run.filter(isLoaded), points);
  return run;
}

/** Grades the files of a worker's task in runs, handing on each report as it is made. */
export function gradeTask(
  bank: Bank,
  files: readonly string[],
  points: PointCache,
  set: string | undefined,
  each: (r: SubmissionReport, k: number) => void,
): void {
  for (let k = 0; k < files.length;) for (const pre of prepareRun(bank, files, k, points)) each(gradeFile(bank, files[k]!, points, set, pre), k++);
}
