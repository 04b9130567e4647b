/** Process entry: the only place that touches process.argv and the exit status. */
import { setColourLevel } from '../report/terminal.js';
import { quietOnBrokenPipe } from './io.js';
import { colourLevel, main } from './main.js';
import { runWorker } from './worker.js';
import { WORKER_FLAG, type WorkerJob } from './batch.js';

/**
 * A batch's worker thread, started with WORKER_FLAG after its script (batch.ts). Only then is
 * worker_threads loaded (its loading is a tenth of start-up), and trusted only off the main thread.
 */
const worker = process.argv.includes(WORKER_FLAG) ? process.getBuiltinModule('node:worker_threads') : undefined;
if (worker && !worker.isMainThread && (worker.workerData as { role?: string } | null)?.role === 'grade') runWorker(worker.workerData as WorkerJob);
else {
  setColourLevel(colourLevel(process.env, process.stdout.isTTY === true));
  quietOnBrokenPipe();
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    // Exit as soon as the output is out: waiting for the event loop to drain (and the heap's
    // teardown) is time the user waits for nothing. stdout and stderr may be async pipes.
    process.exitCode = code;
    const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
    let left = pending.length;
    if (left === 0) process.exit(code);
    for (const s of pending) s.once('drain', () => --left === 0 && process.exit(code));
  });
}
