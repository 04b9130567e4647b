/** Process entry: the only place that touches process.argv and the exit status. */
import { setColourLevel } from '../report/terminal.js';
import { colourLevel, main } from './main.js';
import { runWorker } from './worker.js';
import { WORKER_FLAG, type WorkerJob } from './batch.js';
import { fdWriter, isTerminal, whenFlushed } from './stdio.js';

/**
 * A batch's worker thread, started with WORKER_FLAG after its script (batch.ts). Only then is
 * worker_threads loaded (its loading is a tenth of start-up), and trusted only off the main thread.
 */
const worker = process.argv.includes(WORKER_FLAG) ? process.getBuiltinModule('node:worker_threads') : undefined;
if (worker && !worker.isMainThread && (worker.workerData as { role?: string } | null)?.role === 'grade') runWorker(worker.workerData as WorkerJob);
else {
  setColourLevel(colourLevel(process.env, isTerminal(1)));
  void main(process.argv.slice(2), { out: fdWriter(1), err: fdWriter(2) }).then((code) => {
    // Exit as soon as the output is out: waiting for the event loop to drain (and the heap's
    // teardown) is time the user waits for nothing.
    process.exitCode = code;
    whenFlushed(() => process.exit(code));
  });
}
