/** A worker thread's side of a batch: load the bank, then grade the files it is sent, handing on each one's result as it is made. */
import { loadBank } from '../bank/load.js';
import { workerResult, type WorkerJob, type WorkerTask } from './batch.js';
import { gradeTask } from './runs.js';
import { setColourLevel } from '../report/terminal.js';
import { specCache } from './bank.js';
import { storedPoints } from './stored-points.js';

export function runWorker(job: WorkerJob): void {
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const cache = specCache();
  const bank = loadBank(job.bankPath, cache);
  const points = storedPoints(job.seed, bank, cache);
  if (job.render?.format === 'text') setColourLevel(job.render.colour);
  parentPort!.on('message', ({ indices, files }: WorkerTask) =>
    gradeTask(bank, files, points, job.set, (report, k) => parentPort!.postMessage(workerResult(job, indices[k]!, report))),
  );
}
