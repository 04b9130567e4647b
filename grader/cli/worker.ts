/** A worker thread's side of a batch: load the bank, then grade each file it is sent, one by one. */
import { parentPort } from 'node:worker_threads';
import { PointCache } from '../compare/points.js';
import { loadBank } from '../bank/load.js';
import { gradeFile, type WorkerJob, type WorkerResult, type WorkerTask } from './batch.js';
import { specCache } from './bank.js';

export function runWorker(job: WorkerJob): void {
  const bank = loadBank(job.bankPath, specCache());
  const points = new PointCache(job.seed);
  parentPort!.on('message', ({ index, file }: WorkerTask) =>
    parentPort!.postMessage({ index, report: gradeFile(bank, file, points, job.set) } satisfies WorkerResult),
  );
}
