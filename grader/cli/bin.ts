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
    // Exit as soon as the output is out: waiting for the event loop to drain (and the heap's
    // teardown) is time the user waits for nothing. stdout and stderr may be async pipes.
    process.exitCode = code;
    const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
    let left = pending.length;
    if (left === 0) process.exit(code);
    for (const s of pending) s.once('drain', () => --left === 0 && process.exit(code));
  });
}
