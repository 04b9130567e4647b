/** A worker thread's side of a batch: load the bank, grade its slice, report each submission. */
import { parentPort } from 'node:worker_threads';
import { PointCache } from '../compare/points.js';
import { loadBank } from '../bank/load.js';
import { gradeFile, type WorkerJob } from './batch.js';
import { specCache } from './bank.js';

export function runWorker(job: WorkerJob): void {
  const bank = loadBank(job.bankPath, specCache());
  const points = new PointCache(job.seed);
  job.files.forEach((file, index) => parentPort!.postMessage({ index, report: gradeFile(bank, file, points, job.set) }));
}
