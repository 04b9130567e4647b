/**
 * Grading many files: sequentially, or spread over threads when the batch is large. The main
 * thread grades the first slice and a worker each other slice, reporting each submission as it
 * finishes; results are placed by index, so the output is the sequential one, in the same order.
 * A worker that dies has its unfinished files graded here, one at a time, so no readable file
 * loses its grade.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SubmissionReport } from '../core/index.js';
import type { PointCache } from '../compare/points.js';
import { gradeSubmission } from '../compare/submission.js';
import type { Bank } from '../bank/types.js';
import { readSubmission } from '../submission/load.js';
import { gradeDocumentFile, isDocumentFile } from './document.js';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_FROM = 64;

export interface WorkerJob {
  readonly role: 'grade';
  readonly bankPath: string;
  readonly seed: number;
  readonly files: readonly string[];
  readonly set?: string;
}

export interface BatchOptions {
  readonly jobs: number;
  readonly bankPath: string;
  /** The program file a worker runs (the CLI's own entry). */
  readonly workerEntry?: string;
  readonly onProgress?: (done: number) => void;
  /** `--set`: the set write-ups answer. */
  readonly set?: string;
}

export const gradeFile = (bank: Bank, file: string, points: PointCache, set?: string): SubmissionReport =>
  isDocumentFile(file) ? gradeDocumentFile(bank, file, points, set) : gradeSubmission(bank, readSubmission(file), points);

/**
 * Threads to use. Automatic mode spreads only from 4 cores: on 2 vCPUs (one physical core, as on
 * the project's machines) two threads grade no faster than one, measured by `npm run bench`.
 */
export function threadCount(files: number, jobs: number, cores = availableParallelism()): number {
  if (jobs > 0) return Math.max(1, Math.min(jobs, files));
  if (files < PARALLEL_FROM || cores < 4) return 1;
  return Math.min(cores, 8, Math.ceil(files / 32));
}

export async function gradeFiles(bank: Bank, files: readonly string[], points: PointCache, opts: BatchOptions): Promise<SubmissionReport[]> {
  const out: SubmissionReport[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: SubmissionReport) => {
    out[i] = r;
    opts.onProgress?.(++done);
  };
  const n = threadCount(files.length, opts.jobs);
  if (n <= 1 || !opts.workerEntry) {
    files.forEach((f, i) => finish(i, gradeFile(bank, f, points, opts.set)));
    return out;
  }
  const size = Math.ceil(files.length / n);
  const slices = Array.from({ length: n }, (_, k) => ({ start: k * size, files: files.slice(k * size, (k + 1) * size) })).filter((s) => s.files.length);
  const [mine, ...theirs] = slices;
  const workers = Promise.all(
    theirs.map(
      (slice) =>
        new Promise<void>((resolve) => {
          const job: WorkerJob = { role: 'grade', bankPath: opts.bankPath, seed: points.seed, files: slice.files, ...(opts.set ? { set: opts.set } : {}) };
          const worker = new Worker(opts.workerEntry!, { workerData: job });
          const got = new Set<number>();
          worker.on('message', (m: { index: number; report: SubmissionReport }) => {
            got.add(m.index);
            finish(slice.start + m.index, m.report);
          });
          const settle = () => {
            // Whatever the worker did not report is graded here, one file at a time.
            slice.files.forEach((f, j) => got.has(j) || finish(slice.start + j, gradeFile(bank, f, points, opts.set)));
            resolve();
          };
          worker.on('error', () => undefined);
          worker.on('exit', settle);
        }),
    ),
  );
  mine!.files.forEach((f, j) => finish(mine!.start + j, gradeFile(bank, f, points, opts.set)));
  await workers;
  return out;
}
