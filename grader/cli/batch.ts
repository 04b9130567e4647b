/**
 * Grading many files, each report handed on in file order as soon as it and those before it are
 * done, so the caller can render and write it and forget it: memory stays flat whatever the
 * batch size. Files are read in runs whose answers are graded question by question first
 * (runs.ts). Sequentially, or over worker threads when the batch is large: the main thread
 * hands each worker a run or two at a time (the next files in order), so only the reports that
 * finish ahead of an earlier one are held. A worker that dies (a file that exhausts its memory)
 * costs only the file it was grading, reported as not graded (its run's files go back in the
 * queue one by one to find which), and a fresh worker takes over. In a portable format
 * (report/portable.ts) workers render their files themselves and hand on text, not reports.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { finding, type SubmissionReport } from '../core/index.js';
import type { PointCache } from '../compare/points.js';
import type { Bank } from '../bank/types.js';
import { isDocumentFile } from './document.js';
import { gradeFile, prepareRun, RUN_FILES, type Preread } from './runs.js';
import { FILE_LIMITS } from '../core/limits.js';
import { renderPortable, type Portable, type Rendered } from '../report/portable.js';

/** After a worker's script in its argv: tells bin.ts it runs a worker (see there). */
export const WORKER_FLAG = '--grader-worker';

/**
 * A batch's work in submissions: a write-up weighs WRITEUP_WEIGHT (80 of them graded on one thread
 * in 2.9 s, 80 submissions in 0.76 s, each with its start-up; about 36 ms against 2 to 3 ms warm).
 */
export const WRITEUP_WEIGHT = 15;
/**
 * Below this much work, starting workers costs more than it saves. Each worker loads the CLI and
 * the bank and warms up its own compiled code, and V8 optimises that code once per thread, beside
 * the threads grading (on 2 cores, one thread already keeps the other core busy a third of the
 * time). Since runs are graded question by question (prepareRun), one warm thread is fast enough
 * that on 2 idle cores two threads took 1.20x the wall time of one on 2,000 submissions, 1.07x
 * on 3,000, 0.93x on 5,000 and 0.76x on 20,000 (each with 1.5x the CPU).
 */
export const PARALLEL_FROM = 4_000;
/** Work per thread at least, so that each worker's start-up and warm-up is a small part of its work. */
const WORK_PER_THREAD = 2_000;
/** Runs a worker holds at once: enough to never wait for the next, few enough to hold little. */
const PER_WORKER = 2;
export interface WorkerJob {
  readonly role: 'grade';
  readonly bankPath: string;
  readonly seed: number;
  /** `--set`: the set write-ups answer. */
  readonly set?: string;
  /** The run's format, when workers can render it: they then send text, not reports. */
  readonly render?: Portable;
}

/** Main thread → worker: files to grade (their indices in the batch); worker → main: each one's report, or its text when the job says how to render. */
export interface WorkerTask {
  readonly indices: readonly number[];
  readonly files: readonly string[];
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

/** Files a worker is sent at once, and whether they were sent alone (see gradeFiles). */
interface Task {
  readonly indices: number[];
  readonly alone: boolean;
}

/**
 * Threads to use for `files` files, `writeups` of them write-ups. Automatic mode spreads a batch of
 * PARALLEL_FROM submissions' work or more over the cores that other processes leave idle (the load
 * average of the last minute): on a machine whose other core is taken, two threads took 1.58x the
 * CPU and 1.56x the wall time of one (1,000 submissions, load average 5). Two idle cores or more,
 * and a batch large enough: a thread per core and per WORK_PER_THREAD of work.
 */
export function threadCount(files: number, jobs: number, writeups = 0, cores = availableParallelism(), load?: number, machineCpus?: number): number {
  if (jobs > 0) return Math.max(1, Math.min(jobs, files));
  const work = files + (WRITEUP_WEIGHT - 1) * writeups;
  if (work < PARALLEL_FROM || cores < 2) return 1;
  // The load average counts the whole machine's runnable threads, over all its CPUs: in a
  // container given a few of them, the machine's idle CPUs, not the container's, are what it says.
  const idle = Math.min(cores, Math.round((machineCpus ?? cpus().length) - (load ?? loadavg()[0]!)));
  if (idle < 2) return 1;
  return Math.min(idle, 8, Math.floor(work / WORK_PER_THREAD));
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
  const n = threadCount(files.length, opts.jobs, files.filter(isDocumentFile).length);
  if (n <= 1 || !opts.workerEntry) {
    let lastYield = Date.now();
    for (let i = 0; i < files.length;) {
      for (const pre of prepareRun(bank, files, i, points, opts.read)) {
        onReport(gradeFile(bank, files[i]!, points, opts.set, pre), i++);
        opts.onProgress?.(++done);
        // Let signals (Ctrl-C) and a closed stdout be handled while a long batch runs.
        if (Date.now() - lastYield > 50) {
          await new Promise((r) => setImmediate(r));
          lastYield = Date.now();
        }
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
  // Files given back by a dead worker go first, each in a task of its own: should it kill its
  // worker again, it is the one lost. The others go in runs, small enough to share out evenly.
  const queue: number[] = [];
  let fresh = 0;
  const runSize = Math.max(1, Math.min(RUN_FILES, Math.ceil(files.length / (n * 4))));
  const take = (): Task | undefined => {
    if (queue.length) return { indices: [queue.shift()!], alone: true };
    if (fresh >= files.length) return undefined;
    const indices: number[] = [];
    while (indices.length < runSize && fresh < files.length) indices.push(fresh++);
    return { indices, alone: false };
  };
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
      const held: Task[] = []; // in the order sent, each with the files not handed back yet
      let reason = 'it stopped';
      const feed = () => {
        while (held.length < PER_WORKER) {
          const task = take();
          if (!task) break;
          held.push(task);
          worker.postMessage({ indices: [...task.indices], files: task.indices.map((i) => files[i]!) } satisfies WorkerTask);
        }
        if (held.length === 0) void worker.terminate();
      };
      worker.on('message', (m: WorkerResult) => {
        const task = held[0]!; // a worker grades its tasks in order, and each task's files in order
        task.indices.splice(task.indices.indexOf(m.index), 1);
        if (task.indices.length === 0) held.shift();
        place(m.index, 'report' in m ? m.report : m.rendered);
        feed();
      });
      worker.on('error', (e) => {
        reason = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message.slice(0, 200);
      });
      worker.on('exit', () => {
        live--;
        try {
          // A file sent alone was the one being graded: it is lost. Of a run, which one it was is
          // not known: every file goes back, each alone. The files of later tasks go back too.
          const [first, ...rest] = held;
          const back = rest.flatMap((t) => t.indices);
          if (first?.alone) place(first.indices[0]!, crashed(files[first.indices[0]!]!, points.seed, reason));
          else if (first) back.unshift(...first.indices);
          queue.unshift(...back);
          const remaining = queue.length + (files.length - fresh);
          if (remaining && spawns < n + files.length) {
            if (live < n) start();
          } else if (remaining) {
            for (let t = take(); t; t = take()) for (const i of t.indices) place(i, gradeFile(bank, files[i]!, points, opts.set));
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
