/** A worker thread's side of a batch: load the bank, then grade each file it is sent, one by one. */
import { loadBank } from '../bank/load.js';
import { gradeFile, workerResult, type WorkerJob, type WorkerTask } from './batch.js';
import { setColourLevel } from '../report/terminal.js';
import { specCache } from './bank.js';
import { storedPoints } from './stored-points.js';

export function runWorker(job: WorkerJob): void {
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const cache = specCache();
  const bank = loadBank(job.bankPath, cache);
  const points = storedPoints(job.seed, bank, cache);
  if (job.render?.format === 'text') setColourLevel(job.render.colour);
  parentPort!.on('message', ({ index, file }: WorkerTask) => parentPort!.postMessage(workerResult(job, index, gradeFile(bank, file, points, job.set))));
}
