/**
 * Grading many files, each report handed on in file order as soon as it and those before it are
 * done, so the caller can render and write it and forget it: memory stays flat whatever the
 * batch size. Sequentially, or over worker threads when the batch is large: the main thread
 * hands each worker a few files at a time (the next ones in order), so only the reports that
 * finish ahead of an earlier one are held, a few per worker. A worker that dies (a file that
 * exhausts its memory) costs only the file it was grading, reported as not graded; its other
 * files go back in the queue and a fresh worker takes over. In a portable format (report/portable.ts)
 * workers render their files themselves and hand on text, not reports.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { finding, type SubmissionReport } from '../core/index.js';
import type { PointCache } from '../compare/points.js';
import { gradeSubmission } from '../compare/submission.js';
import type { Bank } from '../bank/types.js';
import { readSubmission, type Loaded } from '../submission/load.js';
import { gradeDocumentFile, isDocumentFile } from './document.js';
import type { LocatedDocument } from '../document/types.js';
import { FILE_LIMITS } from '../core/limits.js';
import { renderPortable, type Portable, type Rendered } from '../report/portable.js';

/** After a worker's script in its argv: tells bin.ts it runs a worker (see there). */
export const WORKER_FLAG = '--grader-worker';

/**
 * Below this many files, starting workers costs more than it saves: each worker loads the CLI and
 * the bank and warms up its own compiled code, about 0.34 s of CPU (64 files over 2 workers took
 * 1.86 s of CPU, on one thread 1.18 s), while a warm thread grades a file in 3 to 4 ms.
 */
export const PARALLEL_FROM = 200;
/** Files per worker at least, so that each worker's start-up is a small part of its work. */
const FILES_PER_THREAD = 100;
/** Files a worker holds at once: enough to never wait for the next, few enough to hold little. */
const PER_WORKER = 4;

export interface WorkerJob {
  readonly role: 'grade';
  readonly bankPath: string;
  readonly seed: number;
  /** `--set`: the set write-ups answer. */
  readonly set?: string;
  /** The run's format, when workers can render it: they then send text, not reports. */
  readonly render?: Portable;
}

/** Main thread → worker: a file to grade; worker → main: its report, or its text when the job says how to render. */
export interface WorkerTask {
  readonly index: number;
  readonly file: string;
}
export type WorkerResult = { readonly index: number } & ({ readonly report: SubmissionReport } | { readonly rendered: Rendered });

/** A file's result as a worker sends it. */
export const workerResult = (job: WorkerJob, index: number, report: SubmissionReport): WorkerResult =>
  job.render ? { index, rendered: renderPortable(job.render, report, index) } : { index, report };

export interface BatchOptions {
  readonly jobs: number;
  readonly bankPath: string;
  /** The program file a worker runs (the CLI's own entry). */
  readonly workerEntry?: string;
  readonly onProgress?: (done: number) => void;
  /** `--set`: the set write-ups answer. */
  readonly set?: string;
  /** Files already read (a few are read first, to build only the sets they answer); each is used once. */
  readonly read?: Map<string, Preread>;
  /** The run's format when it is portable: workers then hand on rendered text. */
  readonly render?: Portable;
}

/** A file read before grading (to know which sets to build): a submission, or a write-up located. */
export type Preread = Loaded | LocatedDocument;

/** Grades one file; `pre`, when it was already read. */
export const gradeFile = (bank: Bank, file: string, points: PointCache, set?: string, pre?: Preread): SubmissionReport =>
  isDocumentFile(file)
    ? gradeDocumentFile(bank, file, points, set, pre && !('ok' in pre) ? pre : undefined)
    : gradeSubmission(bank, pre && 'ok' in pre ? pre : readSubmission(file), points);

/**
 * Threads to use. Automatic mode spreads a batch of PARALLEL_FROM files or more over the cores
 * that other processes leave idle (the load average of the last minute): one thread already keeps
 * a second core busy a third of the time (V8 compiles and collects garbage beside it), and on a
 * machine whose other core is taken, two threads took 1.58x the CPU and 1.56x the wall time of one
 * (1,000 submissions, load average 5). Two idle cores or more, and a batch large enough: a thread
 * per core and per FILES_PER_THREAD files.
 */
export function threadCount(files: number, jobs: number, cores = availableParallelism(), load?: number, machineCpus?: number): number {
  if (jobs > 0) return Math.max(1, Math.min(jobs, files));
  if (files < PARALLEL_FROM || cores < 2) return 1;
  // The load average counts the whole machine's runnable threads, over all its CPUs: in a
  // container given a few of them, the machine's idle CPUs, not the container's, are what it says.
  const idle = Math.min(cores, Math.round((machineCpus ?? cpus().length) - (load ?? loadavg()[0]!)));
  if (idle < 2) return 1;
  return Math.min(idle, 8, Math.ceil(files / FILES_PER_THREAD));
}

const crashed = (file: string, seed: number, detail: string): SubmissionReport => ({
  file,
  student: null,
  score: 0,
  maxScore: 0,
  seed,
  error: finding('WORKER_CRASHED', { detail }, { file }),
  questions: [],
});

/**
 * Grades every file, calling `onReport` once per file, in file order, with its report (or, from a
 * worker told `opts.render`, its text).
 */
export async function gradeFiles(
  bank: Bank,
  files: readonly string[],
  points: PointCache,
  opts: BatchOptions,
  onReport: (report: SubmissionReport | Rendered, index: number) => void,
): Promise<void> {
  let done = 0;
  const n = threadCount(files.length, opts.jobs);
  if (n <= 1 || !opts.workerEntry) {
    let lastYield = Date.now();
    for (let i = 0; i < files.length; i++) {
      const pre = opts.read?.get(files[i]!);
      opts.read?.delete(files[i]!); // a file named twice is read again, as it always was
      onReport(gradeFile(bank, files[i]!, points, opts.set, pre), i);
      opts.onProgress?.(++done);
      // Let signals (Ctrl-C) and a closed stdout be handled while a long batch runs.
      if (Date.now() - lastYield > 50) {
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    return;
  }
  const waiting = new Map<number, SubmissionReport | Rendered>();
  let next = 0; // the index to hand on next
  const place = (i: number, r: SubmissionReport | Rendered) => {
    waiting.set(i, r);
    opts.onProgress?.(++done);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next);
      onReport(ready, next++);
    }
  };
  const queue: number[] = []; // files given back by a dead worker, before the untouched ones
  let fresh = 0;
  const take = (): number | undefined => (queue.length ? queue.shift() : fresh < files.length ? fresh++ : undefined);
  let spawns = 0;
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const start = () => {
      spawns++;
      live++;
      const job: WorkerJob = {
        role: 'grade',
        bankPath: opts.bankPath,
        seed: points.seed,
        ...(opts.set ? { set: opts.set } : {}),
        ...(opts.render ? { render: opts.render } : {}),
      };
      const { Worker } = process.getBuiltinModule('node:worker_threads');
      const worker = new Worker(opts.workerEntry!, {
        workerData: job,
        argv: [WORKER_FLAG],
        resourceLimits: { maxOldGenerationSizeMb: FILE_LIMITS.workerHeapMb },
      });
      const held: number[] = [];
      let reason = 'it stopped';
      const feed = () => {
        while (held.length < PER_WORKER) {
          const i = take();
          if (i === undefined) break;
          held.push(i);
          worker.postMessage({ index: i, file: files[i]! } satisfies WorkerTask);
        }
        if (held.length === 0) void worker.terminate();
      };
      worker.on('message', (m: WorkerResult) => {
        held.splice(held.indexOf(m.index), 1);
        place(m.index, 'report' in m ? m.report : m.rendered);
        feed();
      });
      worker.on('error', (e) => {
        reason = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message.slice(0, 200);
      });
      worker.on('exit', () => {
        live--;
        try {
          // The oldest file it held was the one being graded: that one is lost, the rest go back.
          const [lost, ...rest] = held;
          if (lost !== undefined) {
            place(lost, crashed(files[lost]!, points.seed, reason));
            queue.unshift(...rest);
          }
          const remaining = queue.length + (files.length - fresh);
          if (remaining && spawns < n + files.length) {
            if (live < n) start();
          } else if (remaining) {
            for (let i = take(); i !== undefined; i = take()) place(i, gradeFile(bank, files[i]!, points, opts.set));
          }
          if (live === 0 && next === files.length) resolve();
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      feed();
    };
    for (let k = 0; k < n; k++) start();
  });
}
