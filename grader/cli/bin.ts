/** Process entry: the only place that touches process.argv and the exit status. */
import { isMainThread, workerData } from 'node:worker_threads';
import { quietOnBrokenPipe } from './io.js';
import { main } from './main.js';
import { runWorker } from './worker.js';

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'grade') runWorker(workerData);
else {
  quietOnBrokenPipe();
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
